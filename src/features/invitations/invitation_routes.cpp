#include "features/invitations/invitation_routes.h"

#include <boost/json/value.hpp>

#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxRoleLength = 20;
constexpr std::size_t kMaxCodeLength = 100;

std::optional<UnixMillis> optionalExpiry(http::JsonObjectReader& reader) {
  const auto text = reader.optionalString("expiresAt", 40);
  if (!text) return std::nullopt;
  const auto at = parseRfc3339(*text);
  if (!at) {
    throw http::badRequest("invalid_expiry",
                           "Field 'expiresAt' must be an ISO 8601 date or date-time, e.g. "
                           "2027-01-31 or 2027-01-31T12:00:00Z.");
  }
  return at;
}

std::string codeFromBody(const http::RequestContext& ctx) {
  const boost::json::value body = http::parseJsonBody(ctx.request);
  http::JsonObjectReader reader(body, {"code"});
  return reader.requiredString("code", kMaxCodeLength);
}

}  // namespace

void registerInvitationRoutes(http::Router& router, InvitationService& invitations) {
  using access::Action;
  for (const access::ResourceKind kind :
       {access::ResourceKind::Space, access::ResourceKind::Base}) {
    const bool space = kind == access::ResourceKind::Space;
    const std::string prefix = space ? "/api/space/{spaceId}" : "/api/base/{baseId}";
    const access::Requirement manage =
        space ? access::onSpace(Action::MemberManage) : access::onBase(Action::MemberManage);
    const auto resourceOf = [kind, space](const http::RequestContext& ctx) {
      return access::ResourceRef{kind, ctx.param(space ? "spaceId" : "baseId")};
    };

    router.add("GET", prefix + "/invitation", manage, [&invitations, resourceOf](auto& ctx) {
      return http::Response::json(200, invitations.list(resourceOf(ctx)));
    });
    router.add("POST", prefix + "/invitation", manage, [&invitations, resourceOf](auto& ctx) {
      const boost::json::value body = http::parseJsonBody(ctx.request);
      http::JsonObjectReader reader(body, {"email", "role", "expiresAt"});
      EmailInvitationInput input{reader.requiredString("email", kMaxEmailLength),
                                 reader.requiredString("role", kMaxRoleLength),
                                 optionalExpiry(reader)};
      return http::Response::json(
          201, invitations.inviteByEmail(resourceOf(ctx), ctx.who().userId, std::move(input)));
    });
    router.add("POST", prefix + "/invite-link", manage, [&invitations, resourceOf](auto& ctx) {
      const boost::json::value body = http::parseJsonBody(ctx.request);
      http::JsonObjectReader reader(body, {"role", "expiresAt"});
      const LinkInvitationInput input{reader.requiredString("role", kMaxRoleLength),
                                      optionalExpiry(reader)};
      return http::Response::json(201,
                                  invitations.createLink(resourceOf(ctx), ctx.who().userId, input));
    });
    router.add("DELETE", prefix + "/invitation/{invitationId}", manage,
               [&invitations, resourceOf](auto& ctx) {
                 invitations.revoke(resourceOf(ctx), ctx.param("invitationId"));
                 return http::Response::noContent();
               });
  }

  // Whoever holds a link's code may see what it invites to; joining is an
  // act of the account, so it takes a browser session, never a token.
  router.add("POST", "/api/invitation/preview", access::anyone(), [&invitations](auto& ctx) {
    return http::Response::json(200, invitations.preview(codeFromBody(ctx)));
  });
  router.add("POST", "/api/invitation/accept", access::sessionOnly(), [&invitations](auto& ctx) {
    return http::Response::json(200, invitations.accept(ctx.who().userId, codeFromBody(ctx)));
  });
}

}  // namespace tessera::features
