#include "access/authorizer.h"

#include "access/policy.h"
#include "access/role_lookup.h"
#include "http/api_error.h"

namespace tessera::access {

Role Authorizer::require(const Principal& principal, Action action,
                         const ResourceRef& resource) const {
  const Role role = database_.read(
      [&](store::Session& session) { return lookupRole(session, principal.userId, resource); });
  const Decision decision = decide(principal, action, resource, role);
  if (!decision.allowed) throw http::ApiError(decision.status, decision.code, decision.message);
  return role;
}

}  // namespace tessera::access
