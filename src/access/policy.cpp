#include "access/policy.h"

namespace tessera::access {

bool roleAllows(Role role, Action action) {
  switch (action) {
    case Action::SpaceRead:
    case Action::BaseRead:
    case Action::MemberRead:
      return role >= Role::Viewer;
    case Action::BaseCreate:
    case Action::BaseUpdate:
    case Action::BaseDelete:
      return role >= Role::Creator;
    case Action::SpaceUpdate:
    case Action::SpaceDelete:
    case Action::MemberManage:
      return role >= Role::Owner;
  }
  return false;
}

Decision decide(const Principal& /*principal*/, Action action, const ResourceRef& resource,
                Role role) {
  const std::string kind(resourceKindName(resource.kind));
  if (role == Role::None) {
    std::string noun = kind;
    noun[0] = static_cast<char>(noun[0] - 'a' + 'A');
    return {false, 404, "not_found", noun + " not found."};
  }
  if (!roleAllows(role, action)) {
    return {false, 403, "forbidden",
            "Your role on this " + kind + " (" + std::string(roleName(role)) + ") does not allow " +
                std::string(actionName(action)) + "."};
  }
  return {true, 200, "", ""};
}

}  // namespace tessera::access
