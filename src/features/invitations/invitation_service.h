// Invitations to a space or a base. By e-mail: for someone without an
// account, who becomes a collaborator when they sign up with that address.
// By link: anyone signed in who opens it joins with its role, until it
// expires or is revoked. Both carry a role and an expiry, and both can be
// revoked by those who manage the collaborators.
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>

#include "access/resource.h"
#include "common/clock.h"
#include "features/users/user_store.h"
#include "store/database.h"

namespace tessera::features {

struct EmailInvitationInput {
  std::string email;
  std::string role;
  std::optional<UnixMillis> expiresAt;  // default: in 30 days
};

struct LinkInvitationInput {
  std::string role;
  std::optional<UnixMillis> expiresAt;  // default: in 7 days
};

class InvitationService {
 public:
  explicit InvitationService(store::Database& database) : database_(database) {}

  // Methods taking a resource REQUIRE: resource.kind is Space or Base, and
  // access::Authorizer allowed member:manage on it.

  // {"invitations": [...]}, newest first; expired ones say so.
  boost::json::value list(const access::ResourceRef& resource);
  // Refuses ApiError 400 invalid_role, invalid_field (email), invalid_expiry;
  // 409 user_exists (add them as a collaborator instead), 409
  // already_invited (an unexpired invitation for that address is there).
  boost::json::value inviteByEmail(const access::ResourceRef& resource,
                                   const std::string& invitedBy, EmailInvitationInput input);
  // The invitation with its "code", which is shown this once. Refuses 400
  // invalid_role, invalid_expiry.
  boost::json::value createLink(const access::ResourceRef& resource, const std::string& invitedBy,
                                const LinkInvitationInput& input);
  // Refuses 404 when `resource` has no such invitation.
  void revoke(const access::ResourceRef& resource, const std::string& invitationId);

  // What a link invites to, for anyone holding its code: {"kind", "id",
  // "name", "role", "invitedBy", "expiresTime"}. Refuses 404
  // invitation_not_found, 410 invitation_expired.
  boost::json::value preview(const std::string& code);
  // Makes `userId` a collaborator with the link's role (a stronger role they
  // hold stays): the preview plus the role held and "alreadyMember".
  // Refuses as preview does.
  boost::json::value accept(const std::string& userId, const std::string& code);

 private:
  store::Database& database_;
};

// For sign-up, inside its write transaction.
// Whether someone signing up with `emailKey` was invited: an unexpired
// e-mail invitation for the address, or a valid link `code` (empty: none).
// Refuses as preview does when a code is given and is not valid.
bool invitedToSignUp(store::Session& session, const std::string& emailKey, const std::string& code);
// Makes the new `user` a collaborator wherever an unexpired e-mail
// invitation for their address waits (those invitations are used up), and
// where the link `code` invites (empty: none).
void joinOnSignUp(store::Session& session, const User& user, const std::string& code);

}  // namespace tessera::features
