#include "access/action.h"

namespace tessera::access {

std::string_view actionName(Action action) {
  switch (action) {
    case Action::SpaceRead:
      return "space:read";
    case Action::SpaceUpdate:
      return "space:update";
    case Action::SpaceDelete:
      return "space:delete";
    case Action::BaseCreate:
      return "base:create";
    case Action::BaseRead:
      return "base:read";
    case Action::BaseUpdate:
      return "base:update";
    case Action::BaseDelete:
      return "base:delete";
    case Action::MemberRead:
      return "member:read";
    case Action::MemberManage:
      return "member:manage";
  }
  return "unknown";
}

}  // namespace tessera::access
