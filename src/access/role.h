// Collaborator roles, weakest to strongest. A user's role on a base is the
// stronger of their space role and their base role.
#pragma once

#include <optional>
#include <string_view>

namespace tessera::access {

enum class Role { None = 0, Viewer, Commenter, Editor, Creator, Owner };

std::string_view roleName(Role role);
// Accepts "owner", "creator", "editor", "commenter", "viewer".
std::optional<Role> parseRole(std::string_view name);
Role strongerRole(Role a, Role b);

}  // namespace tessera::access
