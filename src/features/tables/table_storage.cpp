#include "features/tables/table_storage.h"

namespace tessera::features {
namespace {

std::string tableName(const std::string& tableId) { return quoteIdentifier("t_" + tableId); }

void dropTablesListedBy(store::Session& session, const std::string& sql, const std::string& id) {
  for (const store::Row& row : session.query(sql, {id})) dropUserTable(session, row.text(0));
}

}  // namespace

void createUserTable(store::Session& session, const std::string& tableId) {
  const std::string table = tableName(tableId);
  session.executeScript("CREATE TABLE " + table +
                        " (__id TEXT PRIMARY KEY, __seq BIGINT NOT NULL UNIQUE,"
                        " __created_at BIGINT NOT NULL, __updated_at BIGINT NOT NULL,"
                        " __created_by TEXT NOT NULL, __updated_by TEXT NOT NULL,"
                        " __version BIGINT NOT NULL)");
  session.executeScript("CREATE INDEX " + quoteIdentifier("i_" + tableId + "_created") + " ON " +
                        table + " (__created_at)");
  session.executeScript("CREATE INDEX " + quoteIdentifier("i_" + tableId + "_updated") + " ON " +
                        table + " (__updated_at)");
}

void dropUserTable(store::Session& session, const std::string& tableId) {
  session.executeScript("DROP TABLE IF EXISTS " + tableName(tableId));
}

void addFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field) {
  if (isComputed(field.type)) return;
  session.executeScript("ALTER TABLE " + tableName(tableId) + " ADD COLUMN " + field.column() +
                        " " + std::string(sqlColumnType(field.type)));
}

void dropFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field) {
  if (isComputed(field.type)) return;
  // Databases from before view sort indexes have a plain index per sorted field.
  session.executeScript("DROP INDEX IF EXISTS " + quoteIdentifier("i_" + tableId + "_" + field.id));
  session.executeScript("ALTER TABLE " + tableName(tableId) + " DROP COLUMN " + field.column());
}

void dropUserTablesOfBase(store::Session& session, const std::string& baseId) {
  dropTablesListedBy(session, "SELECT id FROM tables_meta WHERE base_id = ?", baseId);
}

void dropUserTablesOfSpace(store::Session& session, const std::string& spaceId) {
  dropTablesListedBy(
      session,
      "SELECT t.id FROM tables_meta t JOIN bases b ON b.id = t.base_id WHERE b.space_id = ?",
      spaceId);
}

}  // namespace tessera::features
