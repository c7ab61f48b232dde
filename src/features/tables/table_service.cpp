#include "features/tables/table_service.h"

#include <boost/json/array.hpp>

#include "common/random.h"
#include "features/fields/field_input.h"
#include "features/tables/schema_json.h"
#include "features/tables/table_storage.h"
#include "features/views/view_store.h"
#include "http/api_error.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxFieldsAtCreation = 500;

// The table, which must belong to `baseId` (else 404, as for a missing one).
TableSchema tableInBase(store::Session& session, const std::string& baseId,
                        const std::string& tableId) {
  auto schema = loadTableSchema(session, tableId);
  if (!schema || schema->baseId != baseId) throw http::notFound("Table not found.");
  return std::move(*schema);
}

std::vector<FieldDef> initialFields(const boost::json::value& fields) {
  std::vector<FieldDef> defs;
  if (fields.is_null()) {
    defs.push_back(FieldDef{"", "Name", "", FieldType::SingleLineText, {}, true, 1});
    return defs;
  }
  if (!fields.is_array() || fields.as_array().empty() ||
      fields.as_array().size() > kMaxFieldsAtCreation) {
    throw http::badRequest("invalid_field",
                           "Field 'fields' must be an array of 1 to 500 field definitions.");
  }
  for (std::size_t i = 0; i < fields.as_array().size(); ++i) {
    FieldDef field = fieldFromJson(fields.as_array()[i], "fields[" + std::to_string(i) + "].");
    field.position = static_cast<std::int64_t>(i + 1);
    defs.push_back(std::move(field));
  }
  if (isComputed(defs[0].type)) {
    throw http::badRequest("invalid_field",
                           "The first field becomes the primary field and cannot be computed.");
  }
  defs[0].isPrimary = true;
  return defs;
}

boost::json::value tableJson(store::Session& session, const TableSchema& schema) {
  return tableToJson(schema, viewsToJson(loadViews(session, schema.id)));
}

}  // namespace

boost::json::value TableService::create(const std::string& userId, const std::string& baseId,
                                        const std::string& name, const std::string& description,
                                        const boost::json::value& fields) {
  std::vector<FieldDef> defs = initialFields(fields);
  return database_.write([&](store::Session& session) {
    const std::string id = newId("tbl");
    const UnixMillis now = nowMillis();
    const std::int64_t position =
        session
            .query("SELECT COALESCE(MAX(position), 0) + 1 FROM tables_meta WHERE base_id = ?",
                   {baseId})[0]
            .integer(0);
    try {
      session.execute(
          "INSERT INTO tables_meta (id, base_id, name, name_key, description, position,"
          " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {id, baseId, name, nameKey(name), description, position, userId, now, now});
    } catch (const store::StoreError& error) {
      if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
      throw http::conflict("table_name_taken",
                           "This base already has a table named '" + name + "'.");
    }
    createUserTable(session, id);
    for (FieldDef& field : defs) insertField(session, id, field);
    ViewDef view{"", id, "Grid view", "grid", emptyViewDefinition(), 0, 0, 0};
    insertView(session, view);
    return tableJson(session, *loadTableSchema(session, id));
  });
}

boost::json::value TableService::list(const std::string& baseId) {
  return database_.read([&](store::Session& session) {
    boost::json::array tables;
    for (const store::Row& row : session.query(
             "SELECT id FROM tables_meta WHERE base_id = ? ORDER BY position, id", {baseId})) {
      tables.push_back(tableJson(session, *loadTableSchema(session, row.text(0))));
    }
    return boost::json::value{{"tables", std::move(tables)}};
  });
}

boost::json::value TableService::get(const std::string& baseId, const std::string& tableId) {
  return database_.read([&](store::Session& session) {
    return tableJson(session, tableInBase(session, baseId, tableId));
  });
}

boost::json::value TableService::update(const std::string& baseId, const std::string& tableId,
                                        const std::optional<std::string>& name,
                                        const std::optional<std::string>& description) {
  return database_.write([&](store::Session& session) {
    TableSchema schema = tableInBase(session, baseId, tableId);
    if (name) schema.name = *name;
    if (description) schema.description = *description;
    try {
      session.execute(
          "UPDATE tables_meta SET name = ?, name_key = ?, description = ?, updated_at = ?"
          " WHERE id = ?",
          {schema.name, nameKey(schema.name), schema.description, nowMillis(), tableId});
      touchTableSchema(session, tableId);
    } catch (const store::StoreError& error) {
      if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
      throw http::conflict("table_name_taken",
                           "This base already has a table named '" + schema.name + "'.");
    }
    return tableJson(session, *loadTableSchema(session, tableId));
  });
}

void TableService::remove(const std::string& baseId, const std::string& tableId) {
  database_.write([&](store::Session& session) {
    tableInBase(session, baseId, tableId);
    dropUserTable(session, tableId);
    session.execute("DELETE FROM tables_meta WHERE id = ?", {tableId});
  });
}

}  // namespace tessera::features
