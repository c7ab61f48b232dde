#include "features/grant_resources.h"

#include "access/role_store.h"
#include "http/api_error.h"

namespace tessera::features {

void requireReachable(store::Session& session, const std::string& userId,
                      const std::vector<std::string>& spaceIds,
                      const std::vector<std::string>& baseIds) {
  for (const auto& [kind, ids] : {std::pair{access::ResourceKind::Space, &spaceIds},
                                  std::pair{access::ResourceKind::Base, &baseIds}}) {
    for (const std::string& id : *ids) {
      if (access::lookupAccess(session, userId, {kind, id}).role == access::Role::None) {
        throw http::badRequest("invalid_resource",
                               std::string(access::resourceKindName(kind)) + " '" + id +
                                   "' does not exist or you have no access to it.");
      }
    }
  }
}

}  // namespace tessera::features
