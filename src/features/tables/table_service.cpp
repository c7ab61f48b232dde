#include "features/tables/table_service.h"

#include <boost/json/array.hpp>

#include "common/random.h"
#include "features/fields/field_input.h"
#include "features/fields/formula_check.h"
#include "features/fields/link_lifecycle.h"
#include "features/fields/materialised_sync.h"
#include "features/limits.h"
#include "features/schema/schema_json.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"
#include "features/views/view_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// The table, which must belong to `baseId` (else 404, as for a missing one).
TableSchema tableInBase(store::Session& session, const std::string& baseId,
                        const std::string& tableId) {
  auto schema = loadTableSchema(session, tableId);
  if (!schema || schema->baseId != baseId) throw http::notFound("Table not found.");
  return std::move(*schema);
}

boost::json::value tableJson(store::Session& session, const TableSchema& schema) {
  return tableToJson(schema, viewsToJson(loadViews(session, schema.id)));
}

}  // namespace

boost::json::value TableService::create(const std::string& userId, const std::string& baseId,
                                        const std::string& name, const std::string& description,
                                        std::vector<FieldDef> fields) {
  return database_.write([&](store::Session& session) {
    const UnixMillis now = nowMillis();
    const TableSchema table{newId("tbl"), baseId, name, description, userId, now, now, {}, {}};
    const std::string& id = table.id;
    requireRoom(loadTableIds(session, baseId).size(), 1, kMaxTablesPerBase, "base", "tables");
    MaterialisedSync materialised(session, baseId);
    insertTableRow(session, table);
    createUserTable(session, id);
    TableSchema planned = table;
    for (FieldDef& field : fields) field.id = newId("fld");
    planned.fields = std::move(fields);
    checkInitialFormulas(planned, session.dialect());
    for (FieldDef& field : planned.fields) {
      if (field.type == FieldType::Link) createLink(session, planned, field);
      insertField(session, id, field);
    }
    ViewDef view{"", id, "Grid view", "grid", emptyViewDefinition(), 0, 0, 0};
    insertView(session, view);
    materialised.apply();
    return tableJson(session, *loadTableSchema(session, id));
  });
}

boost::json::value TableService::list(const std::string& baseId) {
  return database_.read([&](store::Session& session) {
    boost::json::array tables;
    for (const std::string& tableId : loadTableIds(session, baseId)) {
      tables.push_back(tableJson(session, *loadTableSchema(session, tableId)));
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
    updateTableRow(session, schema, nowMillis());
    touchTableSchema(session, tableId);
    return tableJson(session, *loadTableSchema(session, tableId));
  });
}

boost::json::value TableService::remove(const std::string& baseId, const std::string& tableId) {
  return database_.write([&](store::Session& session) {
    tableInBase(session, baseId, tableId);
    MaterialisedSync materialised(session, baseId);
    const std::vector<AffectedField> alsoDeleted = removeLinksOfTable(session, tableId);
    dropUserTable(session, tableId);
    deleteTableRow(session, tableId);
    materialised.apply();  // what read the table is broken now
    return boost::json::value{
        {"id", tableId}, {"deleted", true}, {"alsoDeletedFields", affectedJson(alsoDeleted)}};
  });
}

}  // namespace tessera::features
