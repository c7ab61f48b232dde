#include "features/views/view_service.h"

#include "features/naming.h"
#include "features/tables/table_storage.h"
#include "features/views/view_definition.h"
#include "features/views/view_store.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

ViewDef requireView(store::Session& session, const std::string& tableId,
                    const std::string& viewId) {
  auto view = loadView(session, tableId, viewId);
  if (!view) throw http::ApiError(404, "view_not_found", "This table has no such view.");
  return std::move(*view);
}

// Indexes the fields a view sorts by, so its pages come from an index.
void indexSortFields(store::Session& session, const TableSchema& schema, const ViewDef& view) {
  for (const auto& key : view.definition.at("sort").as_array()) {
    if (const FieldDef* field = schema.field(key.at("fieldId").as_string(), false)) {
      indexFieldColumn(session, schema.id, *field);
    }
  }
}

}  // namespace

boost::json::value ViewService::list(const std::string& tableId) {
  return database_.read([&](store::Session& session) {
    requireTableSchema(session, tableId);
    return boost::json::value{{"views", viewsToJson(loadViews(session, tableId))}};
  });
}

boost::json::value ViewService::get(const std::string& tableId, const std::string& viewId) {
  return database_.read(
      [&](store::Session& session) { return viewToJson(requireView(session, tableId, viewId)); });
}

boost::json::value ViewService::create(const std::string& tableId, const boost::json::value& body) {
  http::JsonObjectReader reader(body,
                                {"name", "type", "filter", "sort", "hiddenFieldIds", "fieldOrder"});
  ViewDef view{
      "", tableId, reader.requiredString("name", kMaxNameLength), "grid", emptyViewDefinition(), 0,
      0,  0};
  if (const auto type = reader.optionalString("type", 20); type && *type != "grid") {
    throw http::badRequest("invalid_field", "Field 'type' must be \"grid\".");
  }
  return database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    applyViewChanges(schema, view.definition, body.as_object());
    insertView(session, view);
    indexSortFields(session, schema, view);
    return viewToJson(view);
  });
}

boost::json::value ViewService::update(const std::string& tableId, const std::string& viewId,
                                       const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"name", "filter", "sort", "hiddenFieldIds", "fieldOrder"});
  const auto name = reader.optionalString("name", kMaxNameLength);
  return database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    ViewDef view = requireView(session, tableId, viewId);
    if (name) view.name = *name;
    applyViewChanges(schema, view.definition, body.as_object());
    updateView(session, view);
    indexSortFields(session, schema, view);
    return viewToJson(requireView(session, tableId, viewId));
  });
}

void ViewService::remove(const std::string& tableId, const std::string& viewId) {
  database_.write([&](store::Session& session) {
    requireView(session, tableId, viewId);
    if (loadViews(session, tableId).size() <= 1) {
      throw http::conflict("last_view", "A table keeps at least one view.");
    }
    session.execute("DELETE FROM views_meta WHERE id = ?", {viewId});
  });
}

}  // namespace tessera::features
