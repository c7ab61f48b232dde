#include "features/views/view_routes.h"

#include <boost/json/value.hpp>

#include "http/json_body.h"

namespace tessera::features {

void registerViewRoutes(http::Router& router, ViewService& views) {
  using access::Action;
  const std::string collection = "/api/table/{tableId}/view";
  router.add("GET", collection, access::onTable(Action::ViewRead), [&views](auto& ctx) {
    return http::Response::json(200, views.list(ctx.param("tableId")));
  });
  router.add("POST", collection, access::onTable(Action::ViewCreate), [&views](auto& ctx) {
    return http::Response::json(
        201, views.create(ctx.param("tableId"), newViewFromBody(http::parseJsonBody(ctx.request))));
  });
  router.add(
      "GET", collection + "/{viewId}", access::onTable(Action::ViewRead), [&views](auto& ctx) {
        return http::Response::json(200, views.get(ctx.param("tableId"), ctx.param("viewId")));
      });
  router.add("PATCH", collection + "/{viewId}", access::onTable(Action::ViewUpdate),
             [&views](auto& ctx) {
               return http::Response::json(
                   200, views.update(ctx.param("tableId"), ctx.param("viewId"),
                                     viewChangesFromBody(http::parseJsonBody(ctx.request))));
             });
  router.add("DELETE", collection + "/{viewId}", access::onTable(Action::ViewDelete),
             [&views](auto& ctx) {
               views.remove(ctx.param("tableId"), ctx.param("viewId"));
               return http::Response::noContent();
             });
  // Undoing a deletion adds the view back: it needs what adding one does.
  router.add("POST", collection + "/{viewId}/restore", access::onTable(Action::ViewCreate),
             [&views](auto& ctx) {
               return http::Response::json(
                   200, views.restore(ctx.param("tableId"), ctx.param("viewId")));
             });
}

}  // namespace tessera::features
