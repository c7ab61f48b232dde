// Invitations as stored: the invitations table. An e-mail invitation waits
// for someone to sign up with that address; a link invitation is found by
// the SHA-256 digest of its code (the code itself is never stored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/resource.h"
#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct Invitation {
  std::string id;
  access::ResourceRef resource;      // a space or a base
  std::string role;                  // by name
  std::optional<std::string> email;  // set for an e-mail invitation
  std::string invitedById;
  std::string invitedByName;
  UnixMillis createdAt = 0;
  UnixMillis expiresAt = 0;
  std::int64_t useCount = 0;
  std::optional<UnixMillis> lastUsedAt;
};

struct NewInvitation {
  access::ResourceRef resource;
  std::string role;
  std::optional<std::string> email;       // an e-mail invitation
  std::optional<std::string> secretHash;  // a link invitation
  std::string invitedBy;
  UnixMillis createdAt = 0;
  UnixMillis expiresAt = 0;
};

// REQUIRES for calls taking a resource: resource.kind is Space or Base.

// The invitations of `resource`, newest first, expired ones included.
std::vector<Invitation> loadInvitations(store::Session& session,
                                        const access::ResourceRef& resource);
std::optional<Invitation> loadInvitation(store::Session& session, const std::string& id);
// Returns the new invitation's id.
std::string insertInvitation(store::Session& session, const NewInvitation& invitation);
// Returns false when `resource` has no invitation `id`.
bool deleteInvitation(store::Session& session, const access::ResourceRef& resource,
                      const std::string& id);
// Whether `resource` has an unexpired e-mail invitation for `emailKey`.
bool hasPendingEmailInvitation(store::Session& session, const access::ResourceRef& resource,
                               const std::string& emailKey, UnixMillis now);
// The unexpired e-mail invitations of `emailKey`, on any resource.
std::vector<Invitation> loadEmailInvitations(store::Session& session, const std::string& emailKey,
                                             UnixMillis now);
// The link invitation whose code has this digest, expired or not.
std::optional<Invitation> findLinkInvitation(store::Session& session,
                                             const std::string& secretHash);
// Counts one more use of a link invitation.
void markInvitationUsed(store::Session& session, const std::string& id, UnixMillis at);

}  // namespace tessera::features
