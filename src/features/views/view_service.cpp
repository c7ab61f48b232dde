#include "features/views/view_service.h"

#include "features/limits.h"
#include "features/schema/schema_store.h"
#include "features/schema/trash_store.h"
#include "features/views/view_definition.h"
#include "features/views/view_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

ViewDef requireView(store::Session& session, const std::string& tableId,
                    const std::string& viewId) {
  auto view = loadView(session, tableId, viewId);
  if (!view) throw http::ApiError(404, "view_not_found", "This table has no such view.");
  return std::move(*view);
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

boost::json::value ViewService::create(const std::string& tableId, const ViewInput& input) {
  ViewDef view{"", tableId, input.name.value(), "grid", emptyViewDefinition(), 0, 0, 0};
  boost::json::value created = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    applyViewChanges(schema, view.definition, input.definitionChanges);
    requireRoom(loadViews(session, tableId).size(), 1, kMaxViewsPerTable, "table", "views");
    insertView(session, view);
    return viewToJson(view);
  });
  sortIndexes_.schedule(tableId);
  return created;
}

boost::json::value ViewService::update(const std::string& tableId, const std::string& viewId,
                                       const ViewInput& changes) {
  boost::json::value updated = database_.write([&](store::Session& session) {
    const TableSchema schema = requireTableSchema(session, tableId);
    ViewDef view = requireView(session, tableId, viewId);
    if (changes.name) view.name = *changes.name;
    applyViewChanges(schema, view.definition, changes.definitionChanges);
    updateView(session, view);
    return viewToJson(requireView(session, tableId, viewId));
  });
  sortIndexes_.schedule(tableId);
  return updated;
}

void ViewService::remove(const std::string& tableId, const std::string& viewId) {
  database_.write([&](store::Session& session) {
    requireView(session, tableId, viewId);
    if (loadViews(session, tableId).size() <= 1) {
      throw http::conflict("last_view", "A table keeps at least one view.");
    }
    moveToTrash(session, TrashKind::View, viewId, nowMillis());
  });
  sortIndexes_.schedule(tableId);  // drops its index; a sort past the limit may get one
}

boost::json::value ViewService::restore(const std::string& tableId, const std::string& viewId) {
  boost::json::value restored = database_.write([&](store::Session& session) {
    requireTableSchema(session, tableId);
    if (!isInTrash(session, TrashKind::View, tableId, viewId)) {
      throw http::ApiError(
          404, "view_not_found",
          "This table has no deleted view with this id: deleted views can be "
          "restored until the server empties its trash (after 7 days, unless set otherwise).");
    }
    requireRoom(loadViews(session, tableId).size(), 1, kMaxViewsPerTable, "table", "views");
    restoreFromTrash(session, TrashKind::View, tableId, viewId);
    return viewToJson(requireView(session, tableId, viewId));
  });
  sortIndexes_.schedule(tableId);  // its sort gets its index back
  return restored;
}

std::size_t ViewService::purgeTrash(UnixMillis cutoff) {
  const bool any = database_.read([&](store::Session& session) {
    return !loadTrash(session, TrashKind::View, cutoff).empty();
  });
  if (!any) return 0;
  return database_.write([&](store::Session& session) {
    const std::vector<TrashedRow> trashed = loadTrash(session, TrashKind::View, cutoff);
    std::size_t purged = 0;
    for (const TrashedRow& row : trashed)
      purged += deleteFromTrash(session, TrashKind::View, row.id);
    return purged;
  });
}

}  // namespace tessera::features
