#include "access/principal.h"

#include <algorithm>

namespace tessera::access {

bool TokenGrant::covers(const std::string& spaceId, const std::string& baseId) const {
  if (!restricted()) return true;
  if (std::find(spaceIds.begin(), spaceIds.end(), spaceId) != spaceIds.end()) return true;
  return !baseId.empty() && std::find(baseIds.begin(), baseIds.end(), baseId) != baseIds.end();
}

}  // namespace tessera::access
