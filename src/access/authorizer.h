// Applies the policy to a live request: looks up the principal's role on
// the resource and throws the policy's refusal as an ApiError. Roles read
// are cached until the next committed write to the tables they come from
// (store::GenerationCache, Database::writeGeneration), so a
// changed or removed role holds from the very next request; on PostgreSQL
// nothing is cached.
#pragma once

#include "access/action.h"
#include "access/principal.h"
#include "access/resource.h"
#include "access/role.h"
#include "access/role_lookup.h"
#include "store/database.h"
#include "store/generation_cache.h"

namespace tessera::access {

class Authorizer {
 public:
  explicit Authorizer(store::Database& database) : database_(database) {}

  // Returns the principal's role on `resource` when the policy allows
  // `action`; throws http::ApiError (403/404) otherwise.
  Role require(const Principal& principal, Action action, const ResourceRef& resource) const;

  // For actions with no single resource; throws http::ApiError 403.
  void requireUnscoped(const Principal& principal, Action action) const;

 private:
  ResourceAccess lookup(const std::string& userId, const ResourceRef& resource) const;

  store::Database& database_;
  mutable store::GenerationCache<ResourceAccess> cache_{10000};
};

}  // namespace tessera::access
