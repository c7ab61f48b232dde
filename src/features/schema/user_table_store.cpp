#include "features/schema/user_table_store.h"

#include "features/schema/link_store.h"
#include "features/schema/schema_store.h"

namespace tessera::features {
namespace {

std::string tableName(const std::string& tableId) { return quoteIdentifier("t_" + tableId); }
std::string sequenceName(const std::string& tableId) { return quoteIdentifier("s_" + tableId); }

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
  if (session.dialect() == store::SqlDialect::Postgres) {
    session.executeScript("CREATE SEQUENCE " + sequenceName(tableId));
  }
}

void dropUserTable(store::Session& session, const std::string& tableId) {
  session.executeScript("DROP TABLE IF EXISTS " + tableName(tableId));
  if (session.dialect() == store::SqlDialect::Postgres) {
    session.executeScript("DROP SEQUENCE IF EXISTS " + sequenceName(tableId));
  }
}

RecordNumbering numberNewRecords(store::Session& session, const TableSchema& table,
                                 std::size_t count) {
  switch (session.dialect()) {
    case store::SqlDialect::Sqlite: {
      RecordNumbering numbering{"?", {}};
      const std::int64_t last =
          session.query("SELECT COALESCE(MAX(__seq), 0) FROM " + table.sqlTable()).at(0).integer(0);
      for (std::size_t i = 1; i <= count; ++i) {
        numbering.values.emplace_back(last + static_cast<std::int64_t>(i));
      }
      return numbering;
    }
    case store::SqlDialect::Postgres:
      return {"nextval(CAST(? AS regclass))",
              std::vector<store::SqlValue>(count, sequenceName(table.id))};
  }
  return {};
}

void addFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field) {
  if (!hasColumn(field.type)) return;
  session.executeScript("ALTER TABLE " + tableName(tableId) + " ADD COLUMN " + field.column() +
                        " " + std::string(sqlColumnType(field.type)));
}

void dropFieldColumn(store::Session& session, const std::string& tableId, const FieldDef& field) {
  if (!hasColumn(field.type)) return;
  // Databases from before view sort indexes have a plain index per sorted field.
  session.executeScript("DROP INDEX IF EXISTS " + quoteIdentifier("i_" + tableId + "_" + field.id));
  session.executeScript("ALTER TABLE " + tableName(tableId) + " DROP COLUMN " + field.column());
}

std::string stagingColumn(const FieldDef& to) { return quoteIdentifier("n_" + to.id); }

void addStagingColumn(store::Session& session, const TableSchema& table, const FieldDef& to) {
  session.executeScript("ALTER TABLE " + table.sqlTable() + " ADD COLUMN " + stagingColumn(to) +
                        " " + std::string(sqlColumnType(to.type)));
}

void setStagedValue(store::Session& session, const TableSchema& table, const FieldDef& to,
                    const std::string& recordId, const store::SqlValue& value) {
  session.execute(
      "UPDATE " + table.sqlTable() + " SET " + stagingColumn(to) + " = ? WHERE __id = ?",
      {value, recordId});
}

void promoteStagingColumn(store::Session& session, const TableSchema& table, const FieldDef& to) {
  session.executeScript("ALTER TABLE " + table.sqlTable() + " RENAME COLUMN " + stagingColumn(to) +
                        " TO " + to.column());
}

store::Rows loadFieldValuesAfter(store::Session& session, const TableSchema& table,
                                 const FieldDef& from, std::int64_t afterSeq, std::int64_t limit) {
  const std::string sqlTable = table.sqlTable();
  // A user field's text form is the user's name (the only join: joining
  // users on a column of another type is a type error on PostgreSQL).
  const bool userField =
      from.type == FieldType::CreatedBy || from.type == FieldType::LastModifiedBy;
  const std::string userName =
      userField ? "u.name FROM " + sqlTable + " t LEFT JOIN users u ON u.id = " + from.expression()
                : "NULL FROM " + sqlTable + " t";
  return session.query("SELECT t.__id, t.__seq, " + from.expression() + ", " + userName +
                           " WHERE t.__seq > ? ORDER BY t.__seq LIMIT ?",
                       {afterSeq, limit});
}

void dropUserTablesOfBase(store::Session& session, const std::string& baseId) {
  for (const std::string& junction : loadJunctionsOfBase(session, baseId)) {
    dropJunction(session, junction);
  }
  dropTablesListedBy(session, "SELECT id FROM tables_meta WHERE base_id = ?", baseId);
}

void dropUserTablesOfSpace(store::Session& session, const std::string& spaceId) {
  for (const std::string& junction : loadJunctionsOfSpace(session, spaceId)) {
    dropJunction(session, junction);
  }
  dropTablesListedBy(
      session,
      "SELECT t.id FROM tables_meta t JOIN bases b ON b.id = t.base_id WHERE b.space_id = ?",
      spaceId);
}

}  // namespace tessera::features
