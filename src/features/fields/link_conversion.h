// Converting a field to a link, and a link to another type. To a link:
// each record's old value, as text, is matched to the linked table's
// records by their primary field (the whole value first, else each part
// between commas), as Airtable does, and what matches nothing is
// reported. From a link: the values become the linked titles
// (field_conversion.h), then the junction and the symmetric field go.
// Both run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/fields/link_lifecycle.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

struct LinkConversion {
  std::int64_t converted = 0;              // records with a value that now link to records
  std::int64_t failed = 0;                 // records with a value (or a part) that matched nothing
  std::vector<std::string> unmatched;      // the values that matched nothing, the first 100
  std::optional<FieldDef> symmetricField;  // created in the linked table, for a two-way link
};

// Makes `from` of `table` the link `to` (same id; options as normalizeOptions
// gave them): creates the link (createLink), links each record to what its
// old value names and drops the old column. Refuses what createLink refuses.
LinkConversion convertToLink(store::Session& session, const TableSchema& table,
                             const FieldDef& from, FieldDef& to);

// After a link field was converted to another type: drops its junction and
// deletes its symmetric field for good (out of its views). Returns the
// field it deleted, if any.
std::vector<AffectedField> dropConvertedLink(store::Session& session, const FieldDef& link);

}  // namespace tessera::features
