#include "features/spaces/space_routes.h"

#include <boost/json/value.hpp>

#include "features/naming.h"

namespace tessera::features {
void registerSpaceRoutes(http::Router& router, SpaceService& spaces) {
  using access::Action;
  router.add("POST", "/api/space", access::signedIn(Action::SpaceCreate), [&spaces](auto& ctx) {
    return http::Response::json(201, spaces.create(ctx.who().userId, nameFromBody(ctx.request)));
  });
  router.add("GET", "/api/space", access::signedIn(Action::SpaceRead), [&spaces](auto& ctx) {
    return http::Response::json(200, spaces.listForUser(ctx.who()));
  });
  router.add("GET", "/api/space/{spaceId}", access::onSpace(Action::SpaceRead),
             [&spaces](auto& ctx) {
               return http::Response::json(200, spaces.get(ctx.param("spaceId"), ctx.role));
             });
  router.add("PATCH", "/api/space/{spaceId}", access::onSpace(Action::SpaceUpdate),
             [&spaces](auto& ctx) {
               return http::Response::json(
                   200, spaces.rename(ctx.param("spaceId"), nameFromBody(ctx.request), ctx.role));
             });
  router.add("DELETE", "/api/space/{spaceId}", access::onSpace(Action::SpaceDelete),
             [&spaces](auto& ctx) {
               spaces.remove(ctx.param("spaceId"));
               return http::Response::noContent();
             });
}

}  // namespace tessera::features
