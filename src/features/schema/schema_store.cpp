#include "features/schema/schema_store.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "features/naming.h"
#include "features/schema/formula_fields.h"
#include "features/schema/link_fields.h"
#include "features/schema/lookup_fields.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

std::string tableNameTaken(const TableSchema& table) {
  return "This base already has a table named '" + table.name + "'.";
}

std::string fieldNameTaken(const FieldDef& field) {
  return "This table already has a field named '" + field.name + "'.";
}

constexpr const char* kFieldColumns =
    "f.id, f.name, f.description, f.type, f.options, f.is_primary, f.position";

// A field from the kFieldColumns of `row` starting at `first`.
FieldDef fieldOfRow(const store::Row& row, std::size_t first) {
  const auto type = parseFieldType(row.text(first + 3));
  if (!type) throw std::logic_error("unknown field type in metadata: " + row.text(first + 3));
  return FieldDef{row.text(first),
                  row.text(first + 1),
                  row.text(first + 2),
                  *type,
                  boost::json::parse(row.text(first + 4)).as_object(),
                  row.integer(first + 5) != 0,
                  row.integer(first + 6),
                  nullptr,
                  nullptr,
                  nullptr};
}

// The table a link leads to: its name and primary field.
LinkedTable loadLinkedTable(store::Session& session, const std::string& tableId) {
  LinkedTable linked{tableId, "", std::nullopt};
  const store::Rows rows = session.query(std::string("SELECT t.name, ") + kFieldColumns +
                                             " FROM tables_meta t JOIN fields_meta f ON"
                                             " f.table_id = t.id AND f.is_primary = 1 AND"
                                             " f.deleted_at IS NULL WHERE t.id = ?",
                                         {tableId});
  if (rows.empty()) return linked;
  linked.name = rows[0].text(0);
  linked.primaryField = fieldOfRow(rows[0], 1);
  return linked;
}

std::vector<LinkFieldRow> linkFieldRows(const store::Rows& rows) {
  std::vector<LinkFieldRow> fields;
  for (const store::Row& row : rows) {
    fields.push_back({row.text(0), row.text(1), row.text(2), row.text(3), !row.isNull(4)});
  }
  return fields;
}

std::vector<std::string> texts(const store::Rows& rows) {
  std::vector<std::string> values;
  for (const store::Row& row : rows) values.push_back(row.text(0));
  return values;
}

constexpr const char* kLinkFieldColumns =
    "SELECT id, table_id, name, link_junction, deleted_at FROM fields_meta WHERE ";

// The values of fields_meta's link columns: the linked table, the junction.
std::vector<store::SqlValue> linkColumns(const FieldDef& field) {
  if (field.type != FieldType::Link) return {nullptr, nullptr};
  const StoredLink link = readStoredLink(field.options);
  return {link.linkedTableId, link.junctionId};
}

// The table with its links and formulas planned, not its lookups.
std::optional<TableSchema> loadWithoutLookups(store::Session& session, const std::string& tableId) {
  const store::Rows tables = session.query(
      "SELECT id, base_id, name, description, created_by, created_at, updated_at"
      " FROM tables_meta WHERE id = ?",
      {tableId});
  if (tables.empty()) return std::nullopt;
  const store::Row& row = tables[0];
  TableSchema schema{row.text(0),    row.text(1),    row.text(2), row.text(3), row.text(4),
                     row.integer(5), row.integer(6), {},          {}};
  const store::Rows fields =
      session.query(std::string("SELECT ") + kFieldColumns +
                        " FROM fields_meta f WHERE f.table_id = ? AND f.deleted_at IS NULL"
                        " ORDER BY f.is_primary DESC, f.position, f.id",
                    {tableId});
  for (const store::Row& field : fields) schema.fields.push_back(fieldOfRow(field, 0));
  for (FieldDef& field : schema.fields) {
    if (field.type != FieldType::Link) continue;
    field.link =
        planLinkField(field, loadLinkedTable(session, readStoredLink(field.options).linkedTableId),
                      session.dialect());
  }
  planFormulaFields(schema, session.dialect());
  return schema;
}

}  // namespace

std::optional<TableSchema> loadTableSchema(store::Session& session, const std::string& tableId) {
  auto schema = loadWithoutLookups(session, tableId);
  if (!schema) return std::nullopt;
  planLookupFields(
      *schema, [&session](const std::string& other) { return loadWithoutLookups(session, other); },
      session.dialect());
  // Again, now that the rollups they may use are planned.
  planFormulaFields(*schema, session.dialect());
  for (const store::Row& row : session.query(
           "SELECT table_id, id FROM fields_meta WHERE linked_table_id = ? AND deleted_at IS NULL"
           " ORDER BY id",
           {tableId})) {
    schema->linksIn.push_back({row.text(0), row.text(1)});
  }
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
  // The tables that link to this one, directly or through others, plan
  // their links from its fields: they are read again too.
  session.execute(
      "WITH RECURSIVE dependent(id) AS (SELECT CAST(? AS TEXT) UNION SELECT f.table_id FROM "
      "fields_meta f"
      " JOIN dependent d ON f.linked_table_id = d.id WHERE f.deleted_at IS NULL)"
      " UPDATE tables_meta SET schema_version = schema_version + 1"
      " WHERE id IN (SELECT id FROM dependent)",
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
  std::vector<store::SqlValue> values = {field.id,
                                         tableId,
                                         field.name,
                                         nameKey(field.name),
                                         field.description,
                                         std::string(fieldTypeName(field.type)),
                                         boost::json::serialize(field.options),
                                         std::int64_t{field.isPrimary ? 1 : 0},
                                         field.position,
                                         at,
                                         at};
  for (store::SqlValue& value : linkColumns(field)) values.push_back(std::move(value));
  writeUniqueName("field_name_taken", fieldNameTaken(field), [&] {
    session.execute(
        "INSERT INTO fields_meta (id, table_id, name, name_key, description, type, options,"
        " is_primary, position, created_at, updated_at, linked_table_id, link_junction)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values);
  });
}

void updateFieldRow(store::Session& session, const FieldDef& field, UnixMillis at) {
  std::vector<store::SqlValue> values = {field.name,
                                         nameKey(field.name),
                                         field.description,
                                         std::string(fieldTypeName(field.type)),
                                         boost::json::serialize(field.options),
                                         at};
  for (store::SqlValue& value : linkColumns(field)) values.push_back(std::move(value));
  values.emplace_back(field.id);
  writeUniqueName("field_name_taken", fieldNameTaken(field), [&] {
    session.execute(
        "UPDATE fields_meta SET name = ?, name_key = ?, description = ?, type = ?, options = ?,"
        " updated_at = ?, linked_table_id = ?, link_junction = ? WHERE id = ?",
        values);
  });
}

void updateFieldOptions(store::Session& session, const FieldDef& field, UnixMillis at) {
  session.execute("UPDATE fields_meta SET options = ?, updated_at = ? WHERE id = ?",
                  {boost::json::serialize(field.options), at, field.id});
}

std::vector<LinkFieldRow> loadLinkFieldsOfJunction(store::Session& session,
                                                   const std::string& junctionId) {
  return linkFieldRows(session.query(
      std::string(kLinkFieldColumns) + "link_junction = ? ORDER BY id", {junctionId}));
}

std::vector<LinkFieldRow> loadLinkFieldsTouching(store::Session& session,
                                                 const std::string& tableId) {
  return linkFieldRows(session.query(
      std::string(kLinkFieldColumns) +
          "linked_table_id = ? OR (table_id = ? AND link_junction IS NOT NULL) ORDER BY id",
      {tableId, tableId}));
}

std::vector<std::string> loadJunctionsOfBase(store::Session& session, const std::string& baseId) {
  return texts(session.query(
      "SELECT DISTINCT f.link_junction FROM fields_meta f JOIN tables_meta t ON t.id = f.table_id"
      " WHERE t.base_id = ? AND f.link_junction IS NOT NULL ORDER BY f.link_junction",
      {baseId}));
}

std::vector<std::string> loadJunctionsOfSpace(store::Session& session, const std::string& spaceId) {
  return texts(session.query(
      "SELECT DISTINCT f.link_junction FROM fields_meta f JOIN tables_meta t ON t.id = f.table_id"
      " JOIN bases b ON b.id = t.base_id WHERE b.space_id = ? AND f.link_junction IS NOT NULL"
      " ORDER BY f.link_junction",
      {spaceId}));
}

void deleteFieldRow(store::Session& session, const std::string& fieldId) {
  session.execute("DELETE FROM fields_meta WHERE id = ?", {fieldId});
}

}  // namespace tessera::features
