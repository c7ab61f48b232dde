// The indexes that serve view sorts. Each distinct sort among a table's
// views, up to kMaxSortIndexesPerTable of them (features/limits.h), has one
// index on exactly the expressions a listing orders by
// (features/query/sort_order.h), so every page of the view, however deep,
// is an index range scan and never a sort of the table. Which sorts are
// indexed follows from the views alone: the first distinct sorts in view
// order; the views of later sorts are sorted per request (and get their
// index when an earlier sort goes). Every index is one more for each
// insert to update, hence the limit. The functions run inside the caller's
// write transaction; building an index reads the whole table once.
#pragma once

#include <vector>

#include "features/schema/table_schema.h"
#include "features/views/view_store.h"
#include "store/database.h"

namespace tessera::features {

// Creates the missing indexes of the indexed sorts of `views`, which must
// be every view of the table, in view order.
void createSortIndexes(store::Session& session, const TableSchema& schema,
                       const std::vector<ViewDef>& views);

// Drops the index of each sort of `dropped` that is not an indexed sort of
// `kept` (every view of the table that remains, in view order).
// `schema` must still hold every field those sorts name.
void dropSortIndexes(store::Session& session, const TableSchema& schema,
                     const std::vector<ViewDef>& dropped, const std::vector<ViewDef>& kept);

// The views among `views` whose sort names the field.
std::vector<ViewDef> viewsSortedBy(const std::vector<ViewDef>& views, const std::string& fieldId);

}  // namespace tessera::features
