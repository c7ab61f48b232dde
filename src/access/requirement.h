// What a route declares it needs; the request pipeline checks it before the
// handler runs, through the one policy in policy.h.
#pragma once

#include <optional>
#include <string>

#include "access/action.h"
#include "access/resource.h"

namespace tessera::access {

struct Requirement {
  enum class Kind {
    Anyone,         // no credentials needed (sign-up, sign-in, health)
    SignedIn,       // any authenticated user; `action`, if set, must be in a token's scopes
    SessionOnly,    // a signed-in browser session; tokens are refused (token management)
    TokenOnly,      // a personal access token; a browser session is not enough (/mcp)
    OnResource,     // `action` on the resource named by path parameter `pathParam`
    Loopback,       // a request from this machine that no proxy forwarded (/metrics)
    InstanceAdmin,  // a signed-in browser session of an instance admin; tokens are refused
  };
  Kind kind = Kind::Anyone;
  std::optional<Action> action;
  ResourceKind resourceKind = ResourceKind::Space;
  std::string pathParam;
};

inline Requirement anyone() { return {}; }
inline Requirement signedIn(std::optional<Action> action = std::nullopt) {
  return {Requirement::Kind::SignedIn, action, {}, {}};
}
inline Requirement sessionOnly() { return {Requirement::Kind::SessionOnly, {}, {}, {}}; }
inline Requirement tokenOnly() { return {Requirement::Kind::TokenOnly, {}, {}, {}}; }
inline Requirement loopback() { return {Requirement::Kind::Loopback, {}, {}, {}}; }
inline Requirement instanceAdmin() { return {Requirement::Kind::InstanceAdmin, {}, {}, {}}; }
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
