// THE access policy. Every permission decision in Tessera is made here:
// what a route requires of the request (credentials, their kind, where it
// comes from), and whether a request may perform an action on a resource:
// the user's current role allows it AND, for a personal access token, the
// token's scopes include it AND the token's restriction covers the
// resource. No route, service or pipeline step makes its own check.
#pragma once

#include <string>

#include "access/action.h"
#include "access/principal.h"
#include "access/requirement.h"
#include "access/resource.h"
#include "access/role_store.h"

namespace tessera::access {

struct Decision {
  bool allowed = false;
  int status = 0;    // 401, 403 or 404 when refused
  std::string code;  // unauthenticated, not_found, forbidden, role_forbids, insufficient_scope,
                     // resource_not_allowed, token_cannot_manage_tokens
  std::string message;
  std::string wwwAuthenticate;  // for 401 and insufficient_scope (RFC 6750)
};

// The guard's answer (Authorizer): when `decision.allowed`, the principal's
// role on the resource (Role::None for a route that names no resource).
struct Verdict {
  Decision decision;
  Role role = Role::None;
};

// What is known of a request before any role is read.
struct RequestFacts {
  const Principal* principal = nullptr;  // nullptr: no credentials
  bool fromThisMachine = false;          // a loopback peer that no proxy forwarded
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

// What a route's requirement needs of the request itself: credentials
// (401 unauthenticated without them), the kind of credential (a token is
// refused token management, 403; /mcp needs a token, 401), where it comes
// from (a loopback route answers 404 to anyone else, as if it did not
// exist), and a token's scopes for a signed-in route that names an action
// (decideUnscoped). A route on a resource is allowed here once credentials
// are present; decide() then rules on the resource.
Decision decideRequirement(const Requirement& requirement, const RequestFacts& facts);

}  // namespace tessera::access
