#include "access/policy.h"

namespace tessera::access {

bool roleAllows(Role role, Action action) {
  switch (action) {
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
