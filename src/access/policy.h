// THE access policy. Every permission decision in Tessera is made here:
// a request may perform an action on a resource when the user's current
// role allows it AND, for a personal access token, the token's scopes
// include it AND the token's restriction covers the resource. No route or
// service makes its own check.
#pragma once

#include <string>

#include "access/action.h"
#include "access/principal.h"
#include "access/resource.h"
#include "access/role_lookup.h"

namespace tessera::access {

struct Decision {
  bool allowed = false;
  int status = 0;    // 403 or 404 when refused
  std::string code;  // not_found, forbidden, role_forbids, insufficient_scope, resource_not_allowed
  std::string message;
  std::string wwwAuthenticate;  // for insufficient_scope (RFC 6750)
};

// Whether a collaborator with `role` may perform `action`.
bool roleAllows(Role role, Action action);

// A decision on an action tied to a resource. A principal with no role on
// it learns nothing: 404, as for a resource that does not exist. A token
// whose restriction does not cover it gets 403 resource_not_allowed (its
// user can see it, so existence is no secret to them); a missing scope
// gets 403 insufficient_scope naming the action; a role that is too weak
// gets 403 (role_forbids for a token, forbidden for a browser session).
Decision decide(const Principal& principal, Action action, const ResourceRef& resource,
                const ResourceAccess& access);

// A decision on an action with no single resource (listing, creating a
// space): only a token's scopes, and for creating a space its restriction,
// can refuse it.
Decision decideUnscoped(const Principal& principal, Action action);

}  // namespace tessera::access
