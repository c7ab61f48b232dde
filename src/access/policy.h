// THE access policy. Every permission decision in Tessera is made by
// decide(); no route or service makes its own check. Today it reads the
// user's role on the resource; the token issue narrows it further by the
// token's scopes and resources.
#pragma once

#include <string>

#include "access/action.h"
#include "access/principal.h"
#include "access/resource.h"
#include "access/role.h"

namespace tessera::access {

struct Decision {
  bool allowed = false;
  int status = 0;    // 403 or 404 when refused
  std::string code;  // "forbidden", "not_found"
  std::string message;
};

// Whether a collaborator with `role` may perform `action`.
bool roleAllows(Role role, Action action);

// `role` is the principal's current role on `resource` (Role::None when the
// resource does not exist or the principal has no role on it). A principal
// with no role learns nothing: the answer is 404, exactly as for a resource
// that does not exist. A principal who can see the resource but lacks the
// action gets 403 naming the action.
Decision decide(const Principal& principal, Action action, const ResourceRef& resource, Role role);

}  // namespace tessera::access
