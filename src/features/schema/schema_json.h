// JSON forms of tables and fields as the API returns them.
#pragma once

#include <boost/json/value.hpp>

#include "features/schema/table_schema.h"

namespace tessera::features {

// {"id","name","type","description","options","isPrimary","isComputed"}.
// A planned formula's options show its expression with field names, and
// "result": {"type"}, "referencedFieldIds" and, when it is broken, "error".
boost::json::value fieldToJson(const FieldDef& field);

// {"id","baseId","name","description","primaryFieldId","fields":[...],
//  "views":[...],"createdTime","lastModifiedTime"}
boost::json::value tableToJson(const TableSchema& table, boost::json::array views);

}  // namespace tessera::features
