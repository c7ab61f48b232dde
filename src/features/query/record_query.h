// Reading records: the select list of a user table (system columns, the
// users behind createdBy/lastModifiedBy, one column per stored field),
// sorting, and keyset pagination with opaque cursors, so a page deep in a
// large table costs what the first page costs (with an index on the order,
// as every view sort has: a page is then a few index range scans).
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "features/query/sort_order.h"
#include "features/query/sql_fragment.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// Positions of values in a record row.
struct RecordRow {
  static constexpr std::size_t kId = 0, kSeq = 1, kCreatedAt = 2, kUpdatedAt = 3, kCreatedBy = 4,
                               kCreatedByName = 5, kCreatedByEmail = 6, kUpdatedBy = 7,
                               kUpdatedByName = 8, kUpdatedByEmail = 9, kVersion = 10,
                               kFirstField = 11;
};

// "SELECT <columns> FROM <table> t [LEFT JOIN users ...]" for `schema`;
// field i of schema.fields is at RecordRow::kFirstField + i. The user
// names and emails are NULL unless the table has a field showing them.
// `moreColumns` (", a, b") are selected after the fields.
std::string selectRecords(const TableSchema& schema, const std::string& moreColumns = {});

// " RETURNING <columns>" that gives a row an INSERT or UPDATE wrote in the
// layout of selectRecords, so a write can answer without reading its rows
// again (on PostgreSQL such a read, inside a SERIALIZABLE write, takes
// predicate locks that make concurrent writes to the table conflict).
// nullopt for a table with a field whose value is not in the row itself:
// links, lookups, rollups, formulas, and the users behind created and
// modified by, which a write's rows do not hold.
std::optional<std::string> returningRecords(const TableSchema& schema);

constexpr std::size_t kMaxSortKeys = 10;

// Whether records can be ordered by the field: not by a link, and by a
// lookup only of text (its cell, a JSON array, then sorts by its values).
bool canOrderBy(const FieldDef& field);

// Parses [{"fieldId","order":"asc"|"desc"}]. Throws ApiError 400 invalid_sort.
std::vector<SortKey> parseSort(const TableSchema& schema, const boost::json::value& orderBy);

struct ListQuery {
  SqlFragment where{"1 = 1", {}};
  std::vector<SortKey> sort;
  std::optional<std::string> cursor;
  std::int64_t take = 100;
  std::int64_t skip = 0;
};

// Calls `onRecord` for each record of the page, in order, as it is read
// (rows as from selectRecords); returns the cursor of the next page, or
// nullopt on the last one. Throws ApiError 400 invalid_cursor for a cursor
// that is malformed or was made for another sort.
std::optional<std::string> fetchPage(store::Session& session, const TableSchema& schema,
                                     const ListQuery& query,
                                     const std::function<void(const store::Row&)>& onRecord);

std::int64_t countRecords(store::Session& session, const TableSchema& schema,
                          const SqlFragment& where);

}  // namespace tessera::features
