// Reads a user's current role on a space or base from the store. Roles are
// read at request time, never cached, so a removed collaborator loses
// access on the very next request.
#pragma once

#include <string_view>

#include "access/resource.h"
#include "access/role.h"
#include "store/database.h"

namespace tessera::access {

// Role::None when the resource does not exist or the user has no role.
Role lookupRole(store::Session& session, std::string_view userId, const ResourceRef& resource);

}  // namespace tessera::access
