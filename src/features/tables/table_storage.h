// The physical side of user tables: each table is a real SQL table with
// system columns (__id, __seq, __created_at, __updated_at, __created_by,
// __updated_by, __version) and one typed column per stored field. All DDL
// runs inside the caller's transaction, with the metadata change.
#pragma once

#include <string>

#include "features/tables/table_schema.h"
#include "store/database.h"

namespace tessera::features {

void createUserTable(store::Session& session, const std::string& tableId);
void dropUserTable(store::Session& session, const std::string& tableId);
// No-ops for computed fields, which have no column of their own.
void addFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field);
void dropFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field);

// Drop the physical tables of every table in a base / in a space's bases.
// Call before deleting the base or space (the metadata then cascades).
void dropUserTablesOfBase(store::Session& session, const std::string& baseId);
void dropUserTablesOfSpace(store::Session& session, const std::string& spaceId);

}  // namespace tessera::features
