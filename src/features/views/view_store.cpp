#include "features/views/view_store.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "common/random.h"
#include "features/naming.h"
#include "features/schema/table_schema.h"

namespace tessera::features {
namespace {

constexpr const char* kViewColumns =
    "id, table_id, name, type, definition, position, created_at, updated_at";

ViewDef viewFromRow(const store::Row& row) {
  return ViewDef{row.text(0),
                 row.text(1),
                 row.text(2),
                 row.text(3),
                 boost::json::parse(row.text(4)).as_object(),
                 row.integer(5),
                 row.integer(6),
                 row.integer(7)};
}

// The views of a table in display order, live or trashed by `condition`.
std::vector<ViewDef> viewsWhere(store::Session& session, const std::string& condition,
                                const std::string& tableId) {
  std::vector<ViewDef> views;
  for (const store::Row& row : session.query(std::string("SELECT ") + kViewColumns +
                                                 " FROM views_meta WHERE table_id = ? AND " +
                                                 condition + " ORDER BY position, id",
                                             {tableId})) {
    views.push_back(viewFromRow(row));
  }
  return views;
}

std::string viewNameTaken(const std::string& name) {
  return "This table already has a view named '" + name + "'.";
}

}  // namespace

boost::json::object emptyViewDefinition() {
  return {{"filter", nullptr},
          {"sort", boost::json::array()},
          {"hiddenFieldIds", boost::json::array()},
          {"fieldOrder", boost::json::array()}};
}

std::vector<std::string> loadTableIdsWithViews(store::Session& session) {
  std::vector<std::string> tableIds;
  for (const store::Row& row :
       session.query("SELECT DISTINCT table_id FROM views_meta WHERE deleted_at IS NULL")) {
    tableIds.push_back(row.text(0));
  }
  return tableIds;
}

std::vector<ViewDef> loadViews(store::Session& session, const std::string& tableId) {
  return viewsWhere(session, "deleted_at IS NULL", tableId);
}

std::vector<ViewDef> loadTrashedViews(store::Session& session, const std::string& tableId) {
  return viewsWhere(session, "deleted_at IS NOT NULL", tableId);
}

std::optional<ViewDef> loadView(store::Session& session, const std::string& tableId,
                                const std::string& viewId) {
  const store::Rows rows = session.query(std::string("SELECT ") + kViewColumns +
                                             " FROM views_meta WHERE table_id = ? AND id = ?"
                                             " AND deleted_at IS NULL",
                                         {tableId, viewId});
  if (rows.empty()) return std::nullopt;
  return viewFromRow(rows[0]);
}

void insertView(store::Session& session, ViewDef& view) {
  view.id = newId("viw");
  view.createdAt = view.updatedAt = nowMillis();
  view.position = session
                      .query(
                          "SELECT COALESCE(MAX(position), 0) + 1 FROM views_meta"
                          " WHERE table_id = ?",
                          {view.tableId})[0]
                      .integer(0);
  writeUniqueName("view_name_taken", viewNameTaken(view.name), [&] {
    session.execute(
        "INSERT INTO views_meta (id, table_id, name, name_key, type, definition, position,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {view.id, view.tableId, view.name, nameKey(view.name), view.type,
         boost::json::serialize(view.definition), view.position, view.createdAt, view.updatedAt});
  });
}

void updateView(store::Session& session, const ViewDef& view) {
  writeUniqueName("view_name_taken", viewNameTaken(view.name), [&] {
    session.execute(
        "UPDATE views_meta SET name = ?, name_key = ?, definition = ?, updated_at = ?"
        " WHERE id = ?",
        {view.name, nameKey(view.name), boost::json::serialize(view.definition), nowMillis(),
         view.id});
  });
}

void updateViewDefinition(store::Session& session, const ViewDef& view) {
  session.execute("UPDATE views_meta SET definition = ? WHERE id = ?",
                  {boost::json::serialize(view.definition), view.id});
}

boost::json::value viewToJson(const ViewDef& view) {
  boost::json::object json{{"id", view.id},
                           {"tableId", view.tableId},
                           {"name", view.name},
                           {"type", view.type},
                           {"createdTime", formatRfc3339(view.createdAt)},
                           {"lastModifiedTime", formatRfc3339(view.updatedAt)}};
  for (const auto& entry : view.definition) json[entry.key()] = entry.value();
  return json;
}

boost::json::array viewsToJson(const std::vector<ViewDef>& views) {
  boost::json::array list;
  for (const ViewDef& view : views) list.push_back(viewToJson(view));
  return list;
}

}  // namespace tessera::features
