#include "features/invitations/invitation_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "features/bases/base_store.h"
#include "features/invitations/invitation_store.h"
#include "features/link_secret.h"
#include "features/members/member_service.h"
#include "features/members/member_store.h"
#include "features/spaces/space_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

constexpr UnixMillis kEmailInvitationDays = 30;
constexpr UnixMillis kLinkInvitationDays = 7;
constexpr UnixMillis kLongestInvitationDays = 365;

UnixMillis checkedExpiry(std::optional<UnixMillis> asked, UnixMillis defaultDays, UnixMillis now) {
  if (!asked) return now + defaultDays * kMillisPerDay;
  if (*asked <= now) {
    throw http::badRequest("invalid_expiry", "Field 'expiresAt' must be in the future.");
  }
  if (*asked > now + kLongestInvitationDays * kMillisPerDay) {
    throw http::badRequest("invalid_expiry",
                           "An invitation can last at most 365 days; choose an earlier "
                           "'expiresAt'.");
  }
  return *asked;
}

boost::json::value invitationToJson(const Invitation& invitation, UnixMillis now) {
  boost::json::object json{
      {"id", invitation.id},
      {"kind", invitation.email ? "email" : "link"},
      {"role", invitation.role},
      {"invitedBy", {{"id", invitation.invitedById}, {"name", invitation.invitedByName}}},
      {"createdTime", formatRfc3339(invitation.createdAt)},
      {"expiresTime", formatRfc3339(invitation.expiresAt)},
      {"expired", invitation.expiresAt <= now},
      {"useCount", invitation.useCount},
      {"lastUsedTime", invitation.lastUsedAt
                           ? boost::json::value(formatRfc3339(*invitation.lastUsedAt))
                           : boost::json::value(nullptr)}};
  if (invitation.email) json["email"] = *invitation.email;
  return json;
}

// The link invitation `code` opens, if it is valid now.
Invitation validLink(store::Session& session, const std::string& code, UnixMillis now) {
  const auto digest = linkSecretDigest(kInvitationPrefix, code);
  const auto invitation = digest ? findLinkInvitation(session, *digest) : std::nullopt;
  if (!invitation) {
    throw http::ApiError(404, "invitation_not_found",
                         "This invitation link is not valid: it was revoked, or it is not "
                         "complete. Ask whoever sent it for a new one.");
  }
  if (invitation->expiresAt <= now) {
    throw http::ApiError(410, "invitation_expired",
                         "This invitation expired " + formatRfc3339(invitation->expiresAt) +
                             ". Ask whoever sent it for a new one.");
  }
  return *invitation;
}

// {"kind", "id", "name", "spaceId", "role", "invitedBy", "expiresTime"}.
boost::json::object describeLink(store::Session& session, const Invitation& invitation) {
  std::string name, spaceId;
  if (invitation.resource.kind == access::ResourceKind::Space) {
    name = loadSpace(session, invitation.resource.id).value().name;
    spaceId = invitation.resource.id;
  } else {
    const BaseRow base = loadBase(session, invitation.resource.id).value();
    name = base.name;
    spaceId = base.spaceId;
  }
  return {{"kind", access::resourceKindName(invitation.resource.kind)},
          {"id", invitation.resource.id},
          {"name", name},
          {"spaceId", spaceId},
          {"role", invitation.role},
          {"invitedBy", invitation.invitedByName},
          {"expiresTime", formatRfc3339(invitation.expiresAt)}};
}

access::Role roleOf(const Invitation& invitation) {
  return access::parseRole(invitation.role).value_or(access::Role::Viewer);
}

}  // namespace

boost::json::value InvitationService::list(const access::ResourceRef& resource) {
  const UnixMillis now = nowMillis();
  return database_.read([&](store::Session& session) {
    boost::json::array invitations;
    for (const Invitation& invitation : loadInvitations(session, resource)) {
      invitations.push_back(invitationToJson(invitation, now));
    }
    return boost::json::value{{"invitations", std::move(invitations)}};
  });
}

boost::json::value InvitationService::inviteByEmail(const access::ResourceRef& resource,
                                                    const std::string& invitedBy,
                                                    EmailInvitationInput input) {
  const access::Role role = parseGrantableRole(resource.kind, input.role);
  validateEmail(input.email);
  const UnixMillis now = nowMillis();
  const UnixMillis expiresAt = checkedExpiry(input.expiresAt, kEmailInvitationDays, now);
  return database_.write([&](store::Session& session) {
    const std::string key = emailKey(input.email);
    if (findUserByEmail(session, key)) {
      throw http::conflict("user_exists",
                           "Someone with this email already has an account here: add them as a "
                           "collaborator instead.");
    }
    if (hasPendingEmailInvitation(session, resource, key, now)) {
      throw http::conflict("already_invited",
                           "This email has been invited here already. Revoke that invitation to "
                           "send one with another role or expiry.");
    }
    const std::string id =
        insertInvitation(session, {resource, std::string(access::roleName(role)), input.email,
                                   std::nullopt, invitedBy, now, expiresAt});
    return invitationToJson(loadInvitation(session, id).value(), now);
  });
}

boost::json::value InvitationService::createLink(const access::ResourceRef& resource,
                                                 const std::string& invitedBy,
                                                 const LinkInvitationInput& input) {
  const access::Role role = parseGrantableRole(resource.kind, input.role);
  const UnixMillis now = nowMillis();
  const UnixMillis expiresAt = checkedExpiry(input.expiresAt, kLinkInvitationDays, now);
  const std::string code = newLinkSecret(kInvitationPrefix);
  return database_.write([&](store::Session& session) {
    const std::string id = insertInvitation(
        session, {resource, std::string(access::roleName(role)), std::nullopt,
                  linkSecretDigest(kInvitationPrefix, code).value(), invitedBy, now, expiresAt});
    boost::json::value json = invitationToJson(loadInvitation(session, id).value(), now);
    json.as_object()["code"] = code;
    return json;
  });
}

void InvitationService::revoke(const access::ResourceRef& resource,
                               const std::string& invitationId) {
  database_.write([&](store::Session& session) {
    if (!deleteInvitation(session, resource, invitationId)) {
      throw http::notFound("There is no such invitation here (it may have been revoked).");
    }
  });
}

boost::json::value InvitationService::preview(const std::string& code) {
  return database_.read([&](store::Session& session) -> boost::json::value {
    return describeLink(session, validLink(session, code, nowMillis()));
  });
}

boost::json::value InvitationService::accept(const std::string& userId, const std::string& code) {
  return database_.write([&](store::Session& session) -> boost::json::value {
    const UnixMillis now = nowMillis();
    const Invitation invitation = validLink(session, code, now);
    const auto before = loadCollaborator(session, invitation.resource, userId);
    const access::Role held =
        joinWithRole(session, invitation.resource, userId, roleOf(invitation));
    markInvitationUsed(session, invitation.id, now);
    boost::json::object json = describeLink(session, invitation);
    json["role"] = access::roleName(held);
    json["alreadyMember"] = before.has_value();
    return json;
  });
}

bool invitedToSignUp(store::Session& session, const std::string& emailKey,
                     const std::string& code) {
  const UnixMillis now = nowMillis();
  if (!code.empty()) {
    validLink(session, code, now);
    return true;
  }
  return !loadEmailInvitations(session, emailKey, now).empty();
}

void joinOnSignUp(store::Session& session, const User& user, const std::string& code) {
  const UnixMillis now = nowMillis();
  for (const Invitation& invitation : loadEmailInvitations(session, emailKey(user.email), now)) {
    joinWithRole(session, invitation.resource, user.id, roleOf(invitation));
    deleteInvitation(session, invitation.resource, invitation.id);
  }
  if (!code.empty()) {
    const Invitation invitation = validLink(session, code, now);
    joinWithRole(session, invitation.resource, user.id, roleOf(invitation));
    markInvitationUsed(session, invitation.id, now);
  }
}

}  // namespace tessera::features
