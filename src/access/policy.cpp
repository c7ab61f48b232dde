#include "access/policy.h"

namespace tessera::access {
namespace {

Decision allow() { return {true, 200, "", "", ""}; }

Decision missingScope(Action action) {
  const std::string name(actionName(action));
  return {false, 403, "insufficient_scope",
          "This token's scopes do not include " + name +
              ". Create or edit a token with that scope in Settings › Personal Access Token.",
          "Bearer realm=\"tessera\", error=\"insufficient_scope\", scope=\"" + name + "\""};
}

Decision unauthenticated(std::string message) {
  return {false, 401, "unauthenticated", std::move(message), "Bearer realm=\"tessera\""};
}

}  // namespace

bool roleAllows(Role role, Action action) {
  switch (action) {
    case Action::SpaceCreate:
      return true;  // any signed-in user may create a space
    case Action::SpaceRead:
    case Action::BaseRead:
    case Action::MemberRead:
    case Action::TableRead:
    case Action::FieldRead:
    case Action::RecordRead:
    case Action::ViewRead:
      return role >= Role::Viewer;
    case Action::RecordCreate:
    case Action::RecordUpdate:
    case Action::RecordDelete:
    case Action::ViewCreate:
    case Action::ViewUpdate:
    case Action::ViewDelete:
      return role >= Role::Editor;
    case Action::BaseCreate:
    case Action::BaseUpdate:
    case Action::BaseDelete:
    case Action::TableCreate:
    case Action::TableUpdate:
    case Action::TableDelete:
    case Action::FieldCreate:
    case Action::FieldUpdate:
    case Action::FieldDelete:
      return role >= Role::Creator;
    case Action::SpaceUpdate:
    case Action::SpaceDelete:
    case Action::MemberManage:
      return role >= Role::Owner;
  }
  return false;
}

Decision decide(const Principal& principal, Action action, const ResourceRef& resource,
                const ResourceAccess& access) {
  const std::string kind(resourceKindName(resource.kind));
  if (access.role == Role::None) {
    std::string noun = kind;
    noun[0] = static_cast<char>(noun[0] - 'a' + 'A');
    return {false, 404, "not_found", noun + " not found.", ""};
  }
  if (principal.token) {
    if (!principal.token->covers(access.spaceId, access.baseId)) {
      return {
          false, 403, "resource_not_allowed",
          "This token is restricted to other spaces or bases; it may not act on this " + kind + ".",
          ""};
    }
    if (!principal.token->scopes.allows(action)) return missingScope(action);
  }
  if (!roleAllows(access.role, action)) {
    return {false, 403, principal.token ? "role_forbids" : "forbidden",
            "Your role on this " + kind + " (" + std::string(roleName(access.role)) +
                ") does not allow " + std::string(actionName(action)) + ".",
            ""};
  }
  return allow();
}

Decision decideUnscoped(const Principal& principal, Action action) {
  if (!principal.token) return allow();
  if (!principal.token->scopes.allows(action)) return missingScope(action);
  if (action == Action::SpaceCreate && principal.token->restricted()) {
    return {false, 403, "resource_not_allowed",
            "This token is restricted to chosen spaces or bases, so it cannot create a new "
            "space.",
            ""};
  }
  return allow();
}

Decision decideRequirement(const Requirement& requirement, const RequestFacts& facts) {
  using Kind = Requirement::Kind;
  switch (requirement.kind) {
    case Kind::Anyone:
      return allow();
    case Kind::Loopback:
      if (facts.fromThisMachine) return allow();
      return {false, 404, "not_found", "No API route matches this path.", ""};
    case Kind::SignedIn:
    case Kind::SessionOnly:
    case Kind::TokenOnly:
    case Kind::OnResource:
    case Kind::InstanceAdmin:
      break;
  }
  if (!facts.principal) {
    return unauthenticated(
        "Sign in, or send a personal access token as 'Authorization: Bearer <token>'.");
  }
  const Principal& principal = *facts.principal;
  switch (requirement.kind) {
    case Kind::Anyone:
    case Kind::Loopback:
    case Kind::OnResource:
      return allow();
    case Kind::SessionOnly:
      if (!principal.token) return allow();
      return {false, 403, "token_cannot_manage_tokens",
              "Personal access tokens cannot manage tokens. Sign in to Tessera in a browser and "
              "use Settings › Personal Access Token.",
              ""};
    case Kind::InstanceAdmin:
      if (principal.token) {
        return {false, 403, "token_cannot_administer",
                "Tokens cannot use the instance administration. Sign in to Tessera in a browser "
                "as an instance admin.",
                ""};
      }
      if (principal.isInstanceAdmin) return allow();
      return {false, 403, "not_instance_admin", "Only an instance admin may do this.", ""};
    case Kind::TokenOnly:
      if (principal.token) return allow();
      return unauthenticated(
          "This endpoint needs a personal access token: 'Authorization: Bearer tsr_pat_...'. A "
          "browser session is not enough.");
    case Kind::SignedIn:
      return requirement.action ? decideUnscoped(principal, *requirement.action) : allow();
  }
  return allow();
}

}  // namespace tessera::access
