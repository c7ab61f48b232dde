// The one guard: applies the policy (policy.h) to a live request, looking
// up the principal's role on the resource a route names, and returns the
// outcome as a value: the role, or the policy's refusal. Roles read are
// cached until the next committed write to the tables they come from
// (store::GenerationCache, Database::writeGeneration), so a changed or
// removed role holds from the very next request; on PostgreSQL nothing is
// cached.
#pragma once

#include <string_view>

#include "access/action.h"
#include "access/policy.h"
#include "access/principal.h"
#include "access/requirement.h"
#include "access/resource.h"
#include "access/role.h"
#include "access/role_store.h"
#include "store/database.h"
#include "store/generation_cache.h"

namespace tessera::access {

class Authorizer {
 public:
  explicit Authorizer(store::Database& database) : database_(database) {}

  // Decides everything `requirement` asks of a request (decideRequirement,
  // then decide() on the resource named by `resourceId` for OnResource).
  // REQUIRES: `resourceId` is the route's `requirement.pathParam` value
  // when the requirement is OnResource. Throws only store::StoreError.
  Verdict admit(const Requirement& requirement, const RequestFacts& facts,
                std::string_view resourceId) const;

  // Decides `action` on `resource` for a handler whose resource comes from
  // the body rather than the path. Throws only store::StoreError.
  Verdict check(const Principal& principal, Action action, const ResourceRef& resource) const;

 private:
  ResourceAccess lookup(const std::string& userId, const ResourceRef& resource) const;

  store::Database& database_;
  mutable store::GenerationCache<ResourceAccess> cache_{10000};
};

}  // namespace tessera::access
