// What a route declares it needs; the request pipeline checks it before the
// handler runs, through the one policy in policy.h.
#pragma once

#include <string>

#include "access/action.h"
#include "access/resource.h"

namespace tessera::access {

struct Requirement {
  enum class Kind {
    Anyone,      // no credentials needed (sign-up, sign-in, health)
    SignedIn,    // any authenticated user; the handler checks further itself
    OnResource,  // `action` on the resource named by path parameter `pathParam`
  };
  Kind kind = Kind::Anyone;
  Action action = Action::SpaceRead;
  ResourceKind resourceKind = ResourceKind::Space;
  std::string pathParam;
};

inline Requirement anyone() { return {}; }
inline Requirement signedIn() { return {Requirement::Kind::SignedIn, {}, {}, {}}; }
inline Requirement onSpace(Action action) {
  return {Requirement::Kind::OnResource, action, ResourceKind::Space, "spaceId"};
}
inline Requirement onBase(Action action) {
  return {Requirement::Kind::OnResource, action, ResourceKind::Base, "baseId"};
}
inline Requirement onTable(Action action) {
  return {Requirement::Kind::OnResource, action, ResourceKind::Table, "tableId"};
}

}  // namespace tessera::access
