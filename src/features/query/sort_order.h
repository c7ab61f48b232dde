// The total order of a record listing: for each sort key, whether the cell
// is empty (empty cells sort last in both directions) and then the value;
// finally the record's __seq, which is unique. Queries and the indexes that
// serve view sorts are both built from this one description, so an index
// matches its queries expression for expression.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "features/schema/table_schema.h"

namespace tessera::features {

struct SortKey {
  const FieldDef* field;
  bool descending;
};

// One component of the order.
struct OrderPart {
  std::string expression;  // SQL; columns qualified by `t.` in queries, bare in indexes
  bool descending;
  // The SQL type of the value (what a cursor's value must fit), or empty
  // (null flags, __seq).
  std::string_view valueType;
  // Whether a bound value is cast to valueType before it is compared with
  // this part. For a column it is: the cast keeps SQLite from substituting
  // an equal value for the column inside the null flag's expression, which
  // would then no longer match the index. For a formula it is not: an
  // expression has no affinity, and comparing it with a typed value would
  // give it one that the index does not have, so SQLite would not use it.
  bool castsBoundValue = false;
};

enum class OrderFor { Query, Index };

// Per key (null flag, value), then __seq; with columns qualified by `t.`
// for a query, bare for CREATE INDEX. REQUIRES for an index: every key
// isIndexable.
std::vector<OrderPart> orderParts(const std::vector<SortKey>& sort, OrderFor use);

// Whether an index can hold the key's value (a formula may not: it reads
// the clock or another table, or it is broken).
bool isIndexable(const SortKey& key);

// The expression a key orders by, when it is not the field's column (a
// formula's, a lookup's first value), for index names: an index on an
// expression that changed is another index. Empty otherwise.
std::string sortExpressionSignature(const SortKey& key);

// Names the sort (field ids and directions), for cursors and index names.
std::string sortSignature(const std::vector<SortKey>& sort);

}  // namespace tessera::features
