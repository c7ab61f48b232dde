// The physical side of user tables: each table is a real SQL table with
// system columns (__id, __seq, __created_at, __updated_at, __created_by,
// __updated_by, __version) and one typed column per stored field. All DDL
// runs inside the caller's transaction, with the metadata change; rows
// are record_store's (features/records/).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// On PostgreSQL a table's record numbers (__seq) come from a sequence of
// its own, s_<table id> (migration 16): reading MAX(__seq) made every two
// concurrent inserts into one table a serialization failure. SQLite's one
// writer takes MAX(__seq) + 1.
void createUserTable(store::Session& session, const std::string& tableId);
void dropUserTable(store::Session& session, const std::string& tableId);
// How `count` new records of the table get their numbers in an INSERT:
// `expression` stands for __seq in each row, with one `?` bound to that
// row's entry of `values` (SQLite: the number itself, after MAX(__seq);
// PostgreSQL: the sequence, so no statement of its own is needed).
struct RecordNumbering {
  std::string expression;
  std::vector<store::SqlValue> values;
};
RecordNumbering numberNewRecords(store::Session& session, const TableSchema& table,
                                 std::size_t count);
// No-ops for fields without a column of their own (hasColumn).
void addFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field);
void dropFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field);

// Retyping a field: the new values go into a staging column of the new
// type (n_<fieldId>), which then takes the old column's place.
// REQUIRES for each: hasColumn(to.type).
void addStagingColumn(store::Session& session, const TableSchema& table, const FieldDef& to);
void setStagedValue(store::Session& session, const TableSchema& table, const FieldDef& to,
                    const std::string& recordId, const store::SqlValue& value);
// REQUIRES: the old column of the field was dropped.
void promoteStagingColumn(store::Session& session, const TableSchema& table, const FieldDef& to);
// Up to `limit` records after creation sequence `afterSeq`, in creation
// order, as rows (__id, __seq, value of `from`, name of the user a user
// field names or NULL).
store::Rows loadFieldValuesAfter(store::Session& session, const TableSchema& table,
                                 const FieldDef& from, std::int64_t afterSeq, std::int64_t limit);

// Drop the physical tables of every table in a base / in a space's bases,
// and the junctions of their links. Call before deleting the base or
// space (the metadata then cascades).
void dropUserTablesOfBase(store::Session& session, const std::string& baseId);
void dropUserTablesOfSpace(store::Session& session, const std::string& spaceId);

}  // namespace tessera::features
