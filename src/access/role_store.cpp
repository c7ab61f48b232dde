#include "access/role_store.h"

namespace tessera::access {
namespace {

Role roleFromCell(const store::Row& row, std::size_t column) {
  const auto name = row.optionalText(column);
  if (!name) return Role::None;
  return parseRole(*name).value_or(Role::None);
}

}  // namespace

ResourceAccess lookupAccess(store::Session& session, std::string_view userId,
                            const ResourceRef& resource) {
  const std::string user(userId);
  if (resource.kind == ResourceKind::Space) {
    const store::Rows rows = session.query(
        "SELECT s.id, (SELECT role FROM space_members WHERE space_id = s.id AND user_id = ?)"
        " FROM spaces s WHERE s.id = ?",
        {user, resource.id});
    if (rows.empty()) return {};
    return {roleFromCell(rows[0], 1), rows[0].text(0), ""};
  }
  // A table's role is its base's role.
  const std::string from =
      resource.kind == ResourceKind::Base
          ? " FROM bases b WHERE b.id = ?"
          : " FROM tables_meta t JOIN bases b ON b.id = t.base_id WHERE t.id = ?";
  const store::Rows rows = session.query(
      "SELECT b.space_id, b.id,"
      " (SELECT role FROM space_members WHERE space_id = b.space_id AND user_id = ?),"
      " (SELECT role FROM base_members WHERE base_id = b.id AND user_id = ?)" +
          from,
      {user, user, resource.id});
  if (rows.empty()) return {};
  return {strongerRole(roleFromCell(rows[0], 2), roleFromCell(rows[0], 3)), rows[0].text(0),
          rows[0].text(1)};
}

}  // namespace tessera::access
