#include "access/role.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tessera::access {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 5> kRoleNames = {{
    {Role::Owner, "owner"},
    {Role::Creator, "creator"},
    {Role::Editor, "editor"},
    {Role::Commenter, "commenter"},
    {Role::Viewer, "viewer"},
}};

}  // namespace

std::string_view roleName(Role role) {
  for (const auto& [known, name] : kRoleNames) {
    if (known == role) return name;
  }
  return "none";
}

std::optional<Role> parseRole(std::string_view name) {
  for (const auto& [role, known] : kRoleNames) {
    if (known == name) return role;
  }
  return std::nullopt;
}

Role strongerRole(Role a, Role b) { return std::max(a, b); }

}  // namespace tessera::access
