// The actions a request can ask to perform. Each route declares one; roles
// (and, later, token scopes) are sets of them. Names like "space:update"
// are the public spelling used in errors, docs and token scopes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace tessera::access {

enum class Action {
  SpaceCreate,
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
std::optional<Action> parseAction(std::string_view name);
// What the action lets a token do, in a sentence.
std::string_view actionDescription(Action action);
// Every action, in a stable order.
const std::vector<Action>& allActions();

}  // namespace tessera::access
