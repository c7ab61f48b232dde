#include "features/tables/table_routes.h"

#include <boost/json/value.hpp>

#include "features/fields/field_input.h"
#include "features/naming.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxDescriptionLength = 20000;

}  // namespace

void registerTableRoutes(http::Router& router, TableService& tables) {
  using access::Action;
  const std::string collection = "/api/base/{baseId}/table";
  router.add("POST", collection, access::onBase(Action::TableCreate), [&tables](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"name", "description", "fields"});
    const std::string name = reader.requiredString("name", kMaxNameLength);
    const std::string description =
        reader.optionalText("description", kMaxDescriptionLength).value_or("");
    const auto* fields = body.as_object().if_contains("fields");
    return http::Response::json(
        201, tables.create(ctx.who().userId, ctx.param("baseId"), name, description,
                           initialFieldsFromBody(fields ? *fields : boost::json::value())));
  });
  router.add("GET", collection, access::onBase(Action::TableRead), [&tables](auto& ctx) {
    return http::Response::json(200, tables.list(ctx.param("baseId")));
  });
  router.add(
      "GET", collection + "/{tableId}", access::onBase(Action::TableRead), [&tables](auto& ctx) {
        return http::Response::json(200, tables.get(ctx.param("baseId"), ctx.param("tableId")));
      });
  router.add("PATCH", collection + "/{tableId}", access::onBase(Action::TableUpdate),
             [&tables](auto& ctx) {
               const boost::json::value body = http::parseJsonBody(ctx.request);
               http::JsonObjectReader reader(body, {"name", "description"});
               const auto name = reader.optionalString("name", kMaxNameLength);
               const auto description = reader.optionalText("description", kMaxDescriptionLength);
               return http::Response::json(
                   200,
                   tables.update(ctx.param("baseId"), ctx.param("tableId"), name, description));
             });
  router.add("DELETE", collection + "/{tableId}", access::onBase(Action::TableDelete),
             [&tables](auto& ctx) {
               return http::Response::json(
                   200, tables.remove(ctx.param("baseId"), ctx.param("tableId")));
             });
}

}  // namespace tessera::features
