// The actions a request can ask to perform. Each route declares one; roles
// (and, later, token scopes) are sets of them. Names like "space:update"
// are the public spelling used in errors, docs and token scopes.
#pragma once

#include <string_view>

namespace tessera::access {

enum class Action {
  SpaceRead,
  SpaceUpdate,
  SpaceDelete,
  BaseCreate,
  BaseRead,
  BaseUpdate,
  BaseDelete,
  MemberRead,
  MemberManage,
  TableCreate,
  TableRead,
  TableUpdate,
  TableDelete,
  FieldCreate,
  FieldRead,
  FieldUpdate,
  FieldDelete,
  RecordRead,
  RecordCreate,
  RecordUpdate,
  RecordDelete,
  ViewCreate,
  ViewRead,
  ViewUpdate,
  ViewDelete,
};

std::string_view actionName(Action action);

}  // namespace tessera::access
