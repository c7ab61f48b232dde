#include "access/scopes.h"

namespace tessera::access {

const std::vector<ScopePreset>& scopePresets() {
  using enum Action;
  static const std::vector<ScopePreset> presets = {
      {"full_access", "Full Access",
       "Everything you can do, now and in the future: every action below.", allActions()},
      {"read",
       "Read",
       "Read records, fields, views and table schemas, and list the spaces, bases and tables "
       "the token can reach.",
       {SpaceRead, BaseRead, TableRead, FieldRead, RecordRead, ViewRead}},
      {"write",
       "Write",
       "Create, update and delete records.",
       {RecordCreate, RecordUpdate, RecordDelete}},
      {"admin",
       "Admin",
       "Manage spaces, bases (with their tables, fields and views) and members.",
       {SpaceCreate, SpaceRead,   SpaceUpdate, SpaceDelete,  BaseCreate,  BaseRead,
        BaseUpdate,  BaseDelete,  MemberRead,  MemberManage, TableCreate, TableRead,
        TableUpdate, TableDelete, FieldCreate, FieldRead,    FieldUpdate, FieldDelete,
        ViewCreate,  ViewRead,    ViewUpdate,  ViewDelete}},
  };
  return presets;
}

std::string allScopeNames() {
  std::string names;
  for (const ScopePreset& preset : scopePresets()) {
    names += (names.empty() ? "" : ", ") + std::string(preset.name);
  }
  for (const Action action : allActions()) names += ", " + std::string(actionName(action));
  return names;
}

std::optional<std::string> ScopeSet::firstUnknown(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    bool known = parseAction(name).has_value();
    for (const ScopePreset& preset : scopePresets()) known = known || preset.name == name;
    if (!known) return name;
  }
  return std::nullopt;
}

ScopeSet ScopeSet::fromNames(const std::vector<std::string>& names) {
  ScopeSet set;
  for (const std::string& name : names) {
    if (const auto action = parseAction(name)) set.granted_.set(static_cast<std::size_t>(*action));
    for (const ScopePreset& preset : scopePresets()) {
      if (preset.name != name) continue;
      for (const Action action : preset.actions) set.granted_.set(static_cast<std::size_t>(action));
    }
  }
  return set;
}

}  // namespace tessera::access
