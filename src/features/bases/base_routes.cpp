#include "features/bases/base_routes.h"

#include <boost/json/value.hpp>

#include "features/naming.h"
#include "http/access_refusal.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxIdLength = 64;

}  // namespace

void registerBaseRoutes(http::Router& router, BaseService& bases,
                        const access::Authorizer& authorizer) {
  using access::Action;
  router.add("POST", "/api/base", access::signedIn(), [&bases, &authorizer](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"spaceId", "name"});
    const std::string spaceId = reader.requiredString("spaceId", kMaxIdLength);
    const std::string name = reader.requiredString("name", kMaxNameLength);
    // The space comes from the body, so the route cannot declare it; the
    // same policy decides.
    const access::Role role = http::allowedRoleOrThrow(
        authorizer.check(ctx.who(), Action::BaseCreate, {access::ResourceKind::Space, spaceId}));
    return http::Response::json(201, bases.create(ctx.who().userId, spaceId, name, role));
  });
  router.add("GET", "/api/base", access::signedIn(Action::BaseRead), [&bases](auto& ctx) {
    return http::Response::json(200, bases.listForUser(ctx.who()));
  });
  router.add("GET", "/api/space/{spaceId}/base", access::onSpace(Action::SpaceRead),
             [&bases](auto& ctx) {
               return http::Response::json(200, bases.listInSpace(ctx.who(), ctx.param("spaceId")));
             });
  router.add("GET", "/api/base/{baseId}", access::onBase(Action::BaseRead), [&bases](auto& ctx) {
    return http::Response::json(200, bases.get(ctx.param("baseId"), ctx.role));
  });
  router.add("PATCH", "/api/base/{baseId}", access::onBase(Action::BaseUpdate),
             [&bases](auto& ctx) {
               return http::Response::json(
                   200, bases.rename(ctx.param("baseId"), nameFromBody(ctx.request), ctx.role));
             });
  router.add("DELETE", "/api/base/{baseId}", access::onBase(Action::BaseDelete),
             [&bases](auto& ctx) {
               bases.remove(ctx.param("baseId"));
               return http::Response::noContent();
             });
}

}  // namespace tessera::features
