// Bases as stored: their rows, and the bases a user can reach with the
// user's space role and base role on each. Every statement on the bases
// table is here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/role.h"
#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct BaseRow {
  std::string id;
  std::string spaceId;
  std::string name;
  std::string createdBy;
  UnixMillis createdAt = 0;
  UnixMillis updatedAt = 0;
};

struct BaseWithRoles {
  BaseRow base;
  access::Role spaceRole = access::Role::None;  // the user's role on the base's space
  access::Role baseRole = access::Role::None;   // the user's role on the base itself
};

std::optional<BaseRow> loadBase(store::Session& session, const std::string& baseId);
// The bases in the spaces where `userId` has a role, and those where the
// user has a base role, oldest first.
std::vector<BaseWithRoles> loadBasesOfUser(store::Session& session, const std::string& userId);
// Every base of `spaceId`, oldest first, with `userId`'s roles.
std::vector<BaseWithRoles> loadBasesInSpace(store::Session& session, const std::string& userId,
                                            const std::string& spaceId);
void insertBase(store::Session& session, const BaseRow& base);
std::size_t countBasesInSpace(store::Session& session, const std::string& spaceId);
void renameBase(store::Session& session, const std::string& baseId, const std::string& name,
                UnixMillis at);
// Deletes the row; its collaborators and table metadata go with it
// (foreign keys). REQUIRES: the base's user tables were dropped first.
void deleteBase(store::Session& session, const std::string& baseId);

}  // namespace tessera::features
