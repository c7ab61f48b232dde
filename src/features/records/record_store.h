// Records as stored in a user table (t_<tableId>): inserting rows, updating
// cells under an optional version check, deleting, and reading rows by id.
// Every statement on a user table's rows outside the list queries of
// features/query/ is here. Values are always bound parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// One record's new values: (index into schema.fields, stored value).
using CellValues = std::vector<std::pair<std::size_t, store::SqlValue>>;

// The new record ids, in order, and, for a table whose rows hold every
// field (returningRecords in record_query.h), the rows as written, in the
// layout and order loadRecordRows gives.
struct InsertedRecords {
  std::vector<std::string> ids;
  std::optional<store::Rows> rows;
};

// Inserts one row per entry of `records`, created and last modified by
// `userId` at `at`, in as few statements as the backends' parameter limits
// allow.
InsertedRecords insertRecords(store::Session& session, const TableSchema& schema,
                              const std::vector<CellValues>& records, const std::string& userId,
                              UnixMillis at);

// Whether an update changed its record and, when it did on a table whose
// rows hold every field, the row as written (as loadRecordRows reads it).
struct UpdatedRecord {
  bool updated = false;
  std::optional<store::Row> row;
};

// Sets `values` on the record and advances its version, when it exists and
// (if `expectedVersion` is given) is at that version. `returning` is
// returningRecords(schema), which the caller builds once for many updates.
UpdatedRecord updateRecord(store::Session& session, const TableSchema& schema,
                           const std::optional<std::string>& returning, const std::string& recordId,
                           const CellValues& values, std::optional<std::int64_t> expectedVersion,
                           const std::string& userId, UnixMillis at);

// The record's version, or nullopt when it does not exist.
std::optional<std::int64_t> loadRecordVersion(store::Session& session, const TableSchema& schema,
                                              const std::string& recordId);

// Returns whether the record existed.
bool deleteRecord(store::Session& session, const TableSchema& schema, const std::string& recordId);

// The rows (as selectRecords reads them) of the records with these ids, in
// the order of `ids`; ids of no record are left out.
store::Rows loadRecordRows(store::Session& session, const TableSchema& schema,
                           const std::vector<std::string>& ids);

// `rows` (with the record id first, as selectRecords reads them) in the
// order of `ids`: the last row of an id for each time it is listed; ids of
// no row are left out.
store::Rows inOrderOf(const std::vector<std::string>& ids, store::Rows rows);

}  // namespace tessera::features
