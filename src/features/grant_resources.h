// The check every grant of access makes of the spaces and bases it is
// restricted to (a personal access token, an OAuth consent): each must be
// one the user can reach now.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace tessera::features {

// Throws ApiError 400 invalid_resource naming the first id that is not a
// space (or base) the user has a role on.
void requireReachable(store::Session& session, const std::string& userId,
                      const std::vector<std::string>& spaceIds,
                      const std::vector<std::string>& baseIds);

}  // namespace tessera::features
