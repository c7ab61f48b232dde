// The physical side of user tables: each table is a real SQL table with
// system columns (__id, __seq, __created_at, __updated_at, __created_by,
// __updated_by, __version) and one typed column per stored field. All DDL
// runs inside the caller's transaction, with the metadata change; rows
// are record_store's (features/records/).
#pragma once

#include <cstdint>
#include <string>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

void createUserTable(store::Session& session, const std::string& tableId);
void dropUserTable(store::Session& session, const std::string& tableId);
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
