// Token scopes: the four presets users know (Full Access, Read, Write,
// Admin) and the fine-grained actions, and the set of actions a token's
// scope names grant. Presets are expanded at request time, so a
// full_access token covers actions added in later versions too.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/action.h"

namespace tessera::access {

struct ScopePreset {
  std::string_view name;   // "full_access", "read", "write", "admin"
  std::string_view label;  // "Full Access", ...
  std::string_view description;
  std::vector<Action> actions;
};

const std::vector<ScopePreset>& scopePresets();

// Every accepted scope name (presets first, then actions), for messages.
std::string allScopeNames();

class ScopeSet {
 public:
  // The first name that is neither a preset nor an action, if any.
  static std::optional<std::string> firstUnknown(const std::vector<std::string>& names);
  // REQUIRES: firstUnknown(names) is nullopt.
  static ScopeSet fromNames(const std::vector<std::string>& names);

  bool allows(Action action) const { return granted_.test(static_cast<std::size_t>(action)); }

 private:
  std::bitset<64> granted_;
};

}  // namespace tessera::access
