// The indexes that serve view sorts. Each distinct sort among a table's
// views has one index on exactly the expressions a listing orders by
// (features/records/sort_order.h), so every page of the view, however deep,
// is an index range scan and never a sort of the table. The functions run
// inside the caller's write transaction; building an index reads the whole
// table once.
#pragma once

#include <vector>

#include "features/schema/table_schema.h"
#include "features/views/view_store.h"
#include "store/database.h"

namespace tessera::features {

// Creates the missing indexes for the sorts of `views`.
void createSortIndexes(store::Session& session, const TableSchema& schema,
                       const std::vector<ViewDef>& views);

// Drops the index of each sort of `dropped` that no view of `kept` has.
// `schema` must still hold every field those sorts name.
void dropSortIndexes(store::Session& session, const TableSchema& schema,
                     const std::vector<ViewDef>& dropped, const std::vector<ViewDef>& kept);

// The views among `views` whose sort names the field.
std::vector<ViewDef> viewsSortedBy(const std::vector<ViewDef>& views, const std::string& fieldId);

}  // namespace tessera::features
