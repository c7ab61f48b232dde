// Spaces as stored: their rows, and a user's spaces with the user's space
// role. Every statement on the spaces table is here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct SpaceRow {
  std::string id;
  std::string name;
  std::string createdBy;
  UnixMillis createdAt = 0;
  UnixMillis updatedAt = 0;
};

struct SpaceWithRole {
  SpaceRow space;
  std::string role;  // the user's space role, by name
};

std::optional<SpaceRow> loadSpace(store::Session& session, const std::string& spaceId);
// The spaces where `userId` has a space role, oldest first.
std::vector<SpaceWithRole> loadSpacesOfUser(store::Session& session, const std::string& userId);
void insertSpace(store::Session& session, const SpaceRow& space);
void renameSpace(store::Session& session, const std::string& spaceId, const std::string& name,
                 UnixMillis at);
// Deletes the row; its bases and collaborators go with it (foreign keys).
// REQUIRES: the user tables of the space were dropped first.
void deleteSpace(store::Session& session, const std::string& spaceId);

}  // namespace tessera::features
