// Collaborators as stored: the space_members and base_members tables, one
// row per user and resource with the user's role there. Every statement on
// those tables outside the role look-up of access/ is here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/resource.h"
#include "access/role.h"
#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct Collaborator {
  std::string userId;
  std::string email;
  std::string name;
  std::string role;  // by name
  UnixMillis createdAt = 0;
};

// REQUIRES for every call: resource.kind is Space or Base.

// The collaborators of `resource`, in the order they were added.
std::vector<Collaborator> loadCollaborators(store::Session& session,
                                            const access::ResourceRef& resource);
std::optional<Collaborator> loadCollaborator(store::Session& session,
                                             const access::ResourceRef& resource,
                                             const std::string& userId);
// Throws store::StoreError of kind UniqueViolation when the user is a
// collaborator already.
void insertCollaborator(store::Session& session, const access::ResourceRef& resource,
                        const std::string& userId, access::Role role, UnixMillis at);
void updateCollaboratorRole(store::Session& session, const access::ResourceRef& resource,
                            const std::string& userId, access::Role role);
void deleteCollaborator(store::Session& session, const access::ResourceRef& resource,
                        const std::string& userId);
std::int64_t countSpaceOwners(store::Session& session, const std::string& spaceId);

}  // namespace tessera::features
