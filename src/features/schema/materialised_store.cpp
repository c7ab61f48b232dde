#include "features/schema/materialised_store.h"

#include <algorithm>

#include "store/in_list.h"

namespace tessera::features {
namespace {

// Records refreshed per statement: well under every backend's limit of
// bound parameters.
constexpr std::size_t kRecordsPerStatement = 1000;

std::string columnName(const std::string& fieldId) { return "m_" + fieldId; }

}  // namespace

bool hasMaterialisedColumn(store::Session& session, const std::string& tableId,
                           const std::string& fieldId) {
  const std::string table = "t_" + tableId;
  switch (session.dialect()) {
    case store::SqlDialect::Sqlite:
      return !session
                  .query("SELECT 1 FROM pragma_table_info(?) WHERE name = ?",
                         {table, columnName(fieldId)})
                  .empty();
    case store::SqlDialect::Postgres:
      return !session
                  .query(
                      "SELECT 1 FROM information_schema.columns WHERE table_schema ="
                      " current_schema() AND table_name = ? AND column_name = ?",
                      {table, columnName(fieldId)})
                  .empty();
  }
  return false;
}

void addMaterialisedColumn(store::Session& session, const TableSchema& table,
                           const FieldDef& field) {
  session.executeScript("ALTER TABLE " + table.sqlTable() + " ADD COLUMN " +
                        field.materialisedColumn() + " " + std::string(field.valueType()));
}

void dropMaterialisedColumn(store::Session& session, const std::string& tableId,
                            const std::string& fieldId) {
  if (!hasMaterialisedColumn(session, tableId, fieldId)) return;
  session.executeScript("ALTER TABLE " + quoteIdentifier("t_" + tableId) + " DROP COLUMN " +
                        quoteIdentifier(columnName(fieldId)));
}

void refreshMaterialised(store::Session& session, const TableSchema& table,
                         const std::vector<const FieldDef*>& fields,
                         const std::optional<std::vector<std::string>>& recordIds) {
  if (fields.empty()) return;
  std::string update = "UPDATE " + table.sqlTable() + " AS t SET ";
  for (const FieldDef* field : fields) {
    if (field != fields.front()) update += ", ";
    update += field->materialisedColumn() + " = " + field->computeSql();
  }
  if (!recordIds) {
    session.execute(update, {});
    return;
  }
  for (std::size_t first = 0; first < recordIds->size(); first += kRecordsPerStatement) {
    const auto begin = recordIds->begin() + static_cast<std::ptrdiff_t>(first);
    const auto end = recordIds->begin() + static_cast<std::ptrdiff_t>(std::min(
                                              recordIds->size(), first + kRecordsPerStatement));
    std::vector<store::SqlValue> params;
    const std::string list = store::inList(std::vector<std::string>(begin, end), params);
    session.execute(update + " WHERE t.__id IN " + list, params);
  }
}

int loadMaterialisedFormat(store::Session& session) {
  const store::Rows rows = session.query("SELECT version FROM materialised_format");
  return rows.empty() ? 0 : static_cast<int>(rows.front().integer(0));
}

void saveMaterialisedFormat(store::Session& session, int format) {
  session.execute("UPDATE materialised_format SET version = ?", {std::int64_t{format}});
}

std::vector<std::string> loadBasesWithMaterialised(store::Session& session) {
  std::vector<std::string> bases;
  for (const store::Row& row : session.query(
           "SELECT DISTINCT t.base_id FROM fields_meta f JOIN tables_meta t ON t.id = f.table_id "
           "WHERE f.deleted_at IS NULL AND f.type IN ('link', 'lookup', 'rollup') "
           "ORDER BY t.base_id")) {
    bases.push_back(row.text(0));
  }
  return bases;
}

}  // namespace tessera::features
