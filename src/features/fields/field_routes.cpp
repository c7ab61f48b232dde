#include "features/fields/field_routes.h"

#include <boost/json/value.hpp>

#include "features/fields/field_input.h"
#include "http/json_body.h"

namespace tessera::features {

void registerFieldRoutes(http::Router& router, FieldService& fields) {
  using access::Action;
  const std::string collection = "/api/table/{tableId}/field";
  router.add("GET", collection, access::onTable(Action::FieldRead), [&fields](auto& ctx) {
    return http::Response::json(200, fields.list(ctx.param("tableId")));
  });
  router.add("POST", collection, access::onTable(Action::FieldCreate), [&fields](auto& ctx) {
    return http::Response::json(
        201,
        fields.create(ctx.param("tableId"), fieldFromJson(http::parseJsonBody(ctx.request), "")));
  });
  router.add(
      "GET", collection + "/{fieldId}", access::onTable(Action::FieldRead), [&fields](auto& ctx) {
        return http::Response::json(200, fields.get(ctx.param("tableId"), ctx.param("fieldId")));
      });
  router.add("PATCH", collection + "/{fieldId}", access::onTable(Action::FieldUpdate),
             [&fields](auto& ctx) {
               return http::Response::json(
                   200, fields.update(ctx.param("tableId"), ctx.param("fieldId"),
                                      fieldChangesFromBody(http::parseJsonBody(ctx.request))));
             });
  router.add("DELETE", collection + "/{fieldId}", access::onTable(Action::FieldDelete),
             [&fields](auto& ctx) {
               fields.remove(ctx.param("tableId"), ctx.param("fieldId"));
               return http::Response::noContent();
             });
  // Undoing a deletion adds the field back: it needs what adding one does.
  router.add("POST", collection + "/{fieldId}/restore", access::onTable(Action::FieldCreate),
             [&fields](auto& ctx) {
               return http::Response::json(
                   200, fields.restore(ctx.param("tableId"), ctx.param("fieldId")));
             });
}

}  // namespace tessera::features
