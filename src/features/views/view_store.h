// Grid views as stored: a name and a definition holding the view's filter,
// sort, hidden fields and field order. Validation of a definition against
// the table lives in view_service; this is storage and JSON only.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct ViewDef {
  std::string id;
  std::string tableId;
  std::string name;
  std::string type = "grid";
  // {"filter": null|{...}, "sort": [...], "hiddenFieldIds": [...], "fieldOrder": [...]}
  boost::json::object definition;
  std::int64_t position = 0;
  UnixMillis createdAt = 0;
  UnixMillis updatedAt = 0;
};

// The definition of a view that shows everything in creation order.
boost::json::object emptyViewDefinition();

// The live views of a table (not those in the trash), in display order.
std::vector<ViewDef> loadViews(store::Session& session, const std::string& tableId);
// The views of a table in the trash (features/schema/trash_store.h).
std::vector<ViewDef> loadTrashedViews(store::Session& session, const std::string& tableId);
// Every table that has views (every table), for the sort index builder.
std::vector<std::string> loadTableIdsWithViews(store::Session& session);
// A live view.
std::optional<ViewDef> loadView(store::Session& session, const std::string& tableId,
                                const std::string& viewId);
// Assigns the id and position. Throws ApiError 409 view_name_taken.
void insertView(store::Session& session, ViewDef& view);
// Throws ApiError 409 view_name_taken.
void updateView(store::Session& session, const ViewDef& view);

// Stores a new definition only (for views in the trash, whose name stays).
void updateViewDefinition(store::Session& session, const ViewDef& view);

boost::json::value viewToJson(const ViewDef& view);
boost::json::array viewsToJson(const std::vector<ViewDef>& views);

}  // namespace tessera::features
