#include "access/authorizer.h"

namespace tessera::access {

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

Verdict Authorizer::check(const Principal& principal, Action action,
                          const ResourceRef& resource) const {
  const ResourceAccess access = lookup(principal.userId, resource);
  Decision decision = decide(principal, action, resource, access);
  const Role role = decision.allowed ? access.role : Role::None;
  return {std::move(decision), role};
}

Verdict Authorizer::admit(const Requirement& requirement, const RequestFacts& facts,
                          std::string_view resourceId) const {
  Decision decision = decideRequirement(requirement, facts);
  if (!decision.allowed || requirement.kind != Requirement::Kind::OnResource) {
    return {std::move(decision), Role::None};
  }
  return check(*facts.principal, *requirement.action,
               {requirement.resourceKind, std::string(resourceId)});
}

}  // namespace tessera::access
