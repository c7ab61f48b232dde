// The indexes that serve view sorts. Each distinct sort among a table's
// views, up to kMaxSortIndexesPerTable of them (features/limits.h), has one
// index on exactly the expressions a listing orders by
// (features/query/sort_order.h), so every page of the view, however deep,
// is an index range scan and never a sort of the table. Which sorts are
// indexed follows from the views alone: the first distinct sorts in view
// order; the views of later sorts are sorted per request (and get their
// index when an earlier sort goes). Every index is one more for each
// insert to update, hence the limit. Builds, and the drops that follow a
// view change, run on their own (features/views/sort_index_builder.h runs
// them in the background), since building an index reads the whole table
// once and, on PostgreSQL, dropping one in a transaction locks the table;
// a field change drops the indexes on its column inside its own write,
// since the column changes there too.
#pragma once

#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "features/views/view_store.h"
#include "store/database.h"

namespace tessera::features {

// An index a view sort should have: its name (a quoted identifier, the
// same for the same sort) and the columns it is built on.
struct SortIndex {
  std::string name;
  std::string columns;
};

// The indexes the sorts of `views` (every view of the table, in view
// order) should have: one per distinct sort, for the first
// kMaxSortIndexesPerTable distinct sorts.
std::vector<SortIndex> wantedSortIndexes(const TableSchema& schema,
                                         const std::vector<ViewDef>& views);

// Builds each of `wanted` that does not exist yet, each on its own
// (store::Database::buildIndex: concurrently on PostgreSQL). Throws
// StoreError when a build fails.
void buildSortIndexes(store::Database& database, const TableSchema& schema,
                      const std::vector<SortIndex>& wanted);

// The sort indexes the table has now (as SortIndex::name), built or being
// built, wanted or not.
std::vector<std::string> existingSortIndexes(store::Session& session, const TableSchema& schema);

// Drops, in the caller's transaction, the index of each sort of `dropped`
// that is not an indexed sort of `kept` (every view of the table that
// remains, in view order).
// `schema` must still hold every field those sorts name.
void dropSortIndexes(store::Session& session, const TableSchema& schema,
                     const std::vector<ViewDef>& dropped, const std::vector<ViewDef>& kept);

// The views among `views` whose sort names the field.
std::vector<ViewDef> viewsSortedBy(const std::vector<ViewDef>& views, const std::string& fieldId);

}  // namespace tessera::features
