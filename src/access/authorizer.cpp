#include "access/authorizer.h"

#include "access/policy.h"
#include "access/role_lookup.h"
#include "http/api_error.h"

namespace tessera::access {
namespace {

void enforce(const Decision& decision) {
  if (decision.allowed) return;
  http::ApiError error(decision.status, decision.code, decision.message);
  if (!decision.wwwAuthenticate.empty())
    error.withHeader("WWW-Authenticate", decision.wwwAuthenticate);
  throw error;
}

}  // namespace

Role Authorizer::require(const Principal& principal, Action action,
                         const ResourceRef& resource) const {
  const ResourceAccess access = database_.read(
      [&](store::Session& session) { return lookupAccess(session, principal.userId, resource); });
  enforce(decide(principal, action, resource, access));
  return access.role;
}

void Authorizer::requireUnscoped(const Principal& principal, Action action) const {
  enforce(decideUnscoped(principal, action));
}

}  // namespace tessera::access
