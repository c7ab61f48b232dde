// The columns of materialised fields (m_<fieldId>, see isMaterialised in
// field_type.h): adding, retyping and dropping them, and filling them from
// their plans' SQL, and the form they were filled in. Every statement on
// those columns is here.
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

// Sets the fields' columns to the values their plans compute, in one
// statement per batch of records, for the records `recordIds` of `table`
// (nullopt: every record). Each plan reads the values from before the
// statement. REQUIRES: the fields are of `table`, each has its column.
void refreshMaterialised(store::Session& session, const TableSchema& table,
                         const std::vector<const FieldDef*>& fields,
                         const std::optional<std::vector<std::string>>& recordIds);

// The form of what materialised columns hold, as the build that last
// (re)filled them all wrote it (kMaterialisedFormat, materialised_format.h).
int loadMaterialisedFormat(store::Session& session);
void saveMaterialisedFormat(store::Session& session, int format);
// The bases that have a live materialised field.
std::vector<std::string> loadBasesWithMaterialised(store::Session& session);

}  // namespace tessera::features
