// Reads a user's current role on a space, base or table from the store,
// with where the resource sits (for token restrictions). Roles are read at
// request time (Authorizer caches them only until the next committed
// write), so a removed collaborator loses access on the very next request,
// with every token.
#pragma once

#include <string>
#include <string_view>

#include "access/resource.h"
#include "access/role.h"
#include "store/database.h"

namespace tessera::access {

struct ResourceAccess {
  Role role = Role::None;  // None when the resource does not exist
  std::string spaceId;     // the resource's space
  std::string baseId;      // its base; empty for a space
};

ResourceAccess lookupAccess(store::Session& session, std::string_view userId,
                            const ResourceRef& resource);

}  // namespace tessera::access
