// Record filters: {"conjunction":"and"|"or","filterSet":[condition | group]}
// where a condition is {"fieldId","operator","value"}. Validated against
// the table's schema (each operator only on the types it fits) and
// compiled to a WHERE fragment whose values are all bound parameters.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "features/query/sql_fragment.h"
#include "features/schema/table_schema.h"

namespace tessera::features {

// Deepest nesting of groups, and most conditions, in one filter.
constexpr int kMaxFilterDepth = 8;
constexpr std::size_t kMaxFilterConditions = 200;

// Throws ApiError 400 invalid_filter. A null filter compiles to "1 = 1".
SqlFragment compileFilter(const TableSchema& schema, const boost::json::value& filter);

// Records where any text-like field contains `text` (case-insensitive).
SqlFragment compileSearch(const TableSchema& schema, const std::string& text);

}  // namespace tessera::features
