#include "features/schema/schema_store.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "features/naming.h"
#include "features/schema/formula_fields.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

std::string tableNameTaken(const TableSchema& table) {
  return "This base already has a table named '" + table.name + "'.";
}

std::string fieldNameTaken(const FieldDef& field) {
  return "This table already has a field named '" + field.name + "'.";
}

}  // namespace

std::optional<TableSchema> loadTableSchema(store::Session& session, const std::string& tableId) {
  const store::Rows tables = session.query(
      "SELECT id, base_id, name, description, created_by, created_at, updated_at"
      " FROM tables_meta WHERE id = ?",
      {tableId});
  if (tables.empty()) return std::nullopt;
  const store::Row& row = tables[0];
  TableSchema schema{row.text(0), row.text(1),    row.text(2),    row.text(3),
                     row.text(4), row.integer(5), row.integer(6), {}};
  const store::Rows fields = session.query(
      "SELECT id, name, description, type, options, is_primary, position FROM fields_meta"
      " WHERE table_id = ? AND deleted_at IS NULL ORDER BY is_primary DESC, position, id",
      {tableId});
  for (const store::Row& field : fields) {
    const auto type = parseFieldType(field.text(3));
    if (!type) throw std::logic_error("unknown field type in metadata: " + field.text(3));
    schema.fields.push_back(FieldDef{field.text(0), field.text(1), field.text(2), *type,
                                     boost::json::parse(field.text(4)).as_object(),
                                     field.integer(5) != 0, field.integer(6), nullptr});
  }
  planFormulaFields(schema, session.dialect());
  return schema;
}

TableSchema requireTableSchema(store::Session& session, const std::string& tableId) {
  auto schema = loadTableSchema(session, tableId);
  if (!schema) throw http::notFound("Table not found.");
  return std::move(*schema);
}

std::optional<std::int64_t> loadSchemaVersion(store::Session& session, const std::string& tableId) {
  const store::Rows version =
      session.query("SELECT schema_version FROM tables_meta WHERE id = ?", {tableId});
  if (version.empty()) return std::nullopt;
  return version[0].integer(0);
}

void touchTableSchema(store::Session& session, const std::string& tableId) {
  session.execute("UPDATE tables_meta SET schema_version = schema_version + 1 WHERE id = ?",
                  {tableId});
}

std::vector<std::string> loadTableIds(store::Session& session, const std::string& baseId) {
  std::vector<std::string> ids;
  for (const store::Row& row : session.query(
           "SELECT id FROM tables_meta WHERE base_id = ? ORDER BY position, id", {baseId})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

void insertTableRow(store::Session& session, const TableSchema& table) {
  const std::int64_t position =
      session
          .query("SELECT COALESCE(MAX(position), 0) + 1 FROM tables_meta WHERE base_id = ?",
                 {table.baseId})[0]
          .integer(0);
  writeUniqueName("table_name_taken", tableNameTaken(table), [&] {
    session.execute(
        "INSERT INTO tables_meta (id, base_id, name, name_key, description, position,"
        " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {table.id, table.baseId, table.name, nameKey(table.name), table.description, position,
         table.createdBy, table.createdAt, table.updatedAt});
  });
}

void updateTableRow(store::Session& session, const TableSchema& table, UnixMillis at) {
  writeUniqueName("table_name_taken", tableNameTaken(table), [&] {
    session.execute(
        "UPDATE tables_meta SET name = ?, name_key = ?, description = ?, updated_at = ?"
        " WHERE id = ?",
        {table.name, nameKey(table.name), table.description, at, table.id});
  });
}

void deleteTableRow(store::Session& session, const std::string& tableId) {
  session.execute("DELETE FROM tables_meta WHERE id = ?", {tableId});
}

void insertFieldRow(store::Session& session, const std::string& tableId, FieldDef& field,
                    UnixMillis at) {
  if (field.position == 0) {
    field.position =
        session
            .query("SELECT COALESCE(MAX(position), 0) + 1 FROM fields_meta WHERE table_id = ?",
                   {tableId})[0]
            .integer(0);
  }
  writeUniqueName("field_name_taken", fieldNameTaken(field), [&] {
    session.execute(
        "INSERT INTO fields_meta (id, table_id, name, name_key, description, type, options,"
        " is_primary, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {field.id, tableId, field.name, nameKey(field.name), field.description,
         std::string(fieldTypeName(field.type)), boost::json::serialize(field.options),
         std::int64_t{field.isPrimary ? 1 : 0}, field.position, at, at});
  });
}

void updateFieldRow(store::Session& session, const FieldDef& field, UnixMillis at) {
  writeUniqueName("field_name_taken", fieldNameTaken(field), [&] {
    session.execute(
        "UPDATE fields_meta SET name = ?, name_key = ?, description = ?, type = ?, options = ?,"
        " updated_at = ? WHERE id = ?",
        {field.name, nameKey(field.name), field.description, std::string(fieldTypeName(field.type)),
         boost::json::serialize(field.options), at, field.id});
  });
}

void updateFieldOptions(store::Session& session, const FieldDef& field, UnixMillis at) {
  session.execute("UPDATE fields_meta SET options = ?, updated_at = ? WHERE id = ?",
                  {boost::json::serialize(field.options), at, field.id});
}

}  // namespace tessera::features
