// Applies the policy to a live request: looks up the principal's role on
// the resource and throws the policy's refusal as an ApiError.
#pragma once

#include "access/action.h"
#include "access/principal.h"
#include "access/resource.h"
#include "access/role.h"
#include "store/database.h"

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
  store::Database& database_;
};

}  // namespace tessera::access
