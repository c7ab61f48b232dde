#include "features/members/member_routes.h"

#include <boost/json/value.hpp>

#include "http/access_refusal.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxRoleLength = 20;

access::Requirement on(access::ResourceKind kind, access::Action action) {
  return kind == access::ResourceKind::Space ? access::onSpace(action) : access::onBase(action);
}

}  // namespace

void registerMemberRoutes(http::Router& router, MemberService& members,
                          const access::Authorizer& authorizer) {
  using access::Action;
  for (const access::ResourceKind kind :
       {access::ResourceKind::Space, access::ResourceKind::Base}) {
    const std::string collection = kind == access::ResourceKind::Space
                                       ? "/api/space/{spaceId}/collaborator"
                                       : "/api/base/{baseId}/collaborator";
    const auto resourceOf = [kind](const http::RequestContext& ctx) {
      return access::ResourceRef{
          kind, ctx.param(kind == access::ResourceKind::Space ? "spaceId" : "baseId")};
    };

    router.add("GET", collection, on(kind, Action::MemberRead), [&members, resourceOf](auto& ctx) {
      return http::Response::json(200, members.list(resourceOf(ctx)));
    });
    router.add("POST", collection, on(kind, Action::MemberManage),
               [&members, resourceOf](auto& ctx) {
                 const boost::json::value body = http::parseJsonBody(ctx.request);
                 http::JsonObjectReader reader(body, {"email", "role"});
                 const std::string email = reader.requiredString("email", kMaxEmailLength);
                 const std::string role = reader.requiredString("role", kMaxRoleLength);
                 return http::Response::json(201, members.add(resourceOf(ctx), email, role));
               });
    router.add("PATCH", collection + "/{userId}", on(kind, Action::MemberManage),
               [&members, resourceOf](auto& ctx) {
                 const boost::json::value body = http::parseJsonBody(ctx.request);
                 http::JsonObjectReader reader(body, {"role"});
                 const std::string role = reader.requiredString("role", kMaxRoleLength);
                 return http::Response::json(
                     200, members.changeRole(resourceOf(ctx), ctx.param("userId"), role));
               });
    // Removing someone else needs member:manage; leaving needs only
    // member:read. Which applies depends on the path, so the handler asks
    // the policy rather than the route declaring one action.
    router.add("DELETE", collection + "/{userId}", access::signedIn(),
               [&members, &authorizer, resourceOf](auto& ctx) {
                 const access::ResourceRef resource = resourceOf(ctx);
                 const bool leaving = ctx.param("userId") == ctx.who().userId;
                 http::allowedRoleOrThrow(authorizer.check(
                     ctx.who(), leaving ? Action::MemberRead : Action::MemberManage, resource));
                 members.remove(resource, ctx.param("userId"));
                 return http::Response::noContent();
               });
  }
}

}  // namespace tessera::features
