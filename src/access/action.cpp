#include "access/action.h"

#include <array>

namespace tessera::access {
namespace {

struct ActionInfo {
  Action action;
  std::string_view name;
  std::string_view description;
};

constexpr std::array<ActionInfo, 26> kActions = {{
    {Action::SpaceCreate, "space:create", "Create spaces"},
    {Action::SpaceRead, "space:read", "List and read spaces"},
    {Action::SpaceUpdate, "space:update", "Rename spaces"},
    {Action::SpaceDelete, "space:delete", "Delete spaces with everything in them"},
    {Action::BaseCreate, "base:create", "Create bases"},
    {Action::BaseRead, "base:read", "List and read bases"},
    {Action::BaseUpdate, "base:update", "Rename bases"},
    {Action::BaseDelete, "base:delete", "Delete bases with their tables"},
    {Action::MemberRead, "member:read", "List collaborators of spaces and bases"},
    {Action::MemberManage, "member:manage", "Add and remove collaborators and change roles"},
    {Action::TableCreate, "table:create", "Create tables"},
    {Action::TableRead, "table:read", "List tables and read their schemas"},
    {Action::TableUpdate, "table:update", "Rename and describe tables"},
    {Action::TableDelete, "table:delete", "Delete tables with their records"},
    {Action::FieldCreate, "field:create", "Add fields"},
    {Action::FieldRead, "field:read", "Read fields"},
    {Action::FieldUpdate, "field:update", "Change fields, including their types"},
    {Action::FieldDelete, "field:delete", "Delete fields"},
    {Action::RecordRead, "record:read", "Read records"},
    {Action::RecordCreate, "record:create", "Create records"},
    {Action::RecordUpdate, "record:update", "Update records"},
    {Action::RecordDelete, "record:delete", "Delete records"},
    {Action::ViewCreate, "view:create", "Create views"},
    {Action::ViewRead, "view:read", "Read views"},
    {Action::ViewUpdate, "view:update", "Change views"},
    {Action::ViewDelete, "view:delete", "Delete views"},
}};

const ActionInfo* find(Action action) {
  for (const ActionInfo& info : kActions) {
    if (info.action == action) return &info;
  }
  return nullptr;
}

}  // namespace

std::string_view actionName(Action action) {
  const ActionInfo* info = find(action);
  return info ? info->name : "unknown";
}

std::string_view actionDescription(Action action) {
  const ActionInfo* info = find(action);
  return info ? info->description : "";
}

std::optional<Action> parseAction(std::string_view name) {
  for (const ActionInfo& info : kActions) {
    if (info.name == name) return info.action;
  }
  return std::nullopt;
}

const std::vector<Action>& allActions() {
  static const std::vector<Action> actions = [] {
    std::vector<Action> list;
    for (const ActionInfo& info : kActions) list.push_back(info.action);
    return list;
  }();
  return actions;
}

}  // namespace tessera::access
