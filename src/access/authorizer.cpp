#include "access/authorizer.h"

#include "access/policy.h"
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

ResourceAccess Authorizer::lookup(const std::string& userId, const ResourceRef& resource) const {
  const auto generation = database_.writeGeneration();
  const std::string key =
      userId + '/' + std::string(resourceKindName(resource.kind)) + '/' + resource.id;
  if (generation) {
    if (auto cached = cache_.find(key, *generation)) return std::move(*cached);
  }
  ResourceAccess access = database_.read(
      [&](store::Session& session) { return lookupAccess(session, userId, resource); });
  if (generation) cache_.store(key, access, *generation);
  return access;
}

Role Authorizer::require(const Principal& principal, Action action,
                         const ResourceRef& resource) const {
  const ResourceAccess access = lookup(principal.userId, resource);
  enforce(decide(principal, action, resource, access));
  return access.role;
}

void Authorizer::requireUnscoped(const Principal& principal, Action action) const {
  enforce(decideUnscoped(principal, action));
}

}  // namespace tessera::access
