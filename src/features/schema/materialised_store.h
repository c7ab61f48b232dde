// The columns of materialised fields (m_<fieldId>, see isMaterialised in
// field_type.h): adding, retyping and dropping them, and filling them from
// their plans' SQL. Every statement on those columns is here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

bool hasMaterialisedColumn(store::Session& session, const std::string& tableId,
                           const std::string& fieldId);
// Adds the column, of the field's value type (FieldDef::valueType).
// REQUIRES: isMaterialised(field.type), the plan is set, no such column.
void addMaterialisedColumn(store::Session& session, const TableSchema& table,
                           const FieldDef& field);
// Drops the column if there is one. REQUIRES: no index reads it.
void dropMaterialisedColumn(store::Session& session, const std::string& tableId,
                            const std::string& fieldId);

// Sets the field's column to the value its plan computes, for the records
// `recordIds` of `table` (nullopt: every record). REQUIRES: the column
// exists.
void refreshMaterialised(store::Session& session, const TableSchema& table, const FieldDef& field,
                         const std::optional<std::vector<std::string>>& recordIds);

}  // namespace tessera::features
