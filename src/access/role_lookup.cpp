#include "access/role_lookup.h"

namespace tessera::access {
namespace {

Role roleFromCell(const store::Row& row, std::size_t column) {
  const auto name = row.optionalText(column);
  if (!name) return Role::None;
  return parseRole(*name).value_or(Role::None);
}

}  // namespace

Role lookupRole(store::Session& session, std::string_view userId, const ResourceRef& resource) {
  const std::string user(userId);
  if (resource.kind == ResourceKind::Space) {
    const store::Rows rows = session.query(
        "SELECT role FROM space_members WHERE space_id = ? AND user_id = ?", {resource.id, user});
    return rows.empty() ? Role::None : roleFromCell(rows[0], 0);
  }
  const store::Rows rows = session.query(
      "SELECT sm.role, bm.role FROM bases b"
      " LEFT JOIN space_members sm ON sm.space_id = b.space_id AND sm.user_id = ?"
      " LEFT JOIN base_members bm ON bm.base_id = b.id AND bm.user_id = ?"
      " WHERE b.id = ?",
      {user, user, resource.id});
  if (rows.empty()) return Role::None;
  return strongerRole(roleFromCell(rows[0], 0), roleFromCell(rows[0], 1));
}

}  // namespace tessera::access
