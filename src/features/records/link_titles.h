// Link cells written with typecast (a paste from a spreadsheet, an import):
// text that is not a record id of the linked table is taken as the title
// of one of its records (its primary field), as Airtable's typecast does.
#pragma once

#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// The records of the table `link` links to that `items` name, in order and
// without repeats. An item that is the id of one of its records names that
// record. Any other item names the first record, in creation order, whose
// primary field holds it (read as that field reads a typecast value: "3"
// for the number 3), else each of its parts between commas names one that
// way; an item of blanks names none. Throws CellError (cell_codec.h)
// quoting the first text that names no record.
std::vector<std::string> recordsNamedBy(store::Session& session, const LinkPlan& link,
                                        const std::vector<std::string>& items);

}  // namespace tessera::features
