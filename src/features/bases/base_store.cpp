#include "features/bases/base_store.h"

namespace tessera::features {
namespace {

constexpr const char* kBaseColumns =
    "b.id, b.space_id, b.name, b.created_by, b.created_at, b.updated_at";
// Appends the user's space role and base role (columns 6 and 7).
constexpr const char* kSelectBasesWithRoles =
    "SELECT b.id, b.space_id, b.name, b.created_by, b.created_at, b.updated_at, sm.role, bm.role"
    " FROM bases b"
    " LEFT JOIN space_members sm ON sm.space_id = b.space_id AND sm.user_id = ?"
    " LEFT JOIN base_members bm ON bm.base_id = b.id AND bm.user_id = ?";

BaseRow baseFromRow(const store::Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.integer(5)};
}

access::Role roleIn(const store::Row& row, std::size_t column) {
  const auto name = row.optionalText(column);
  return name ? access::parseRole(*name).value_or(access::Role::None) : access::Role::None;
}

std::vector<BaseWithRoles> withRoles(const store::Rows& rows) {
  std::vector<BaseWithRoles> bases;
  for (const store::Row& row : rows) {
    bases.push_back({baseFromRow(row), roleIn(row, 6), roleIn(row, 7)});
  }
  return bases;
}

}  // namespace

std::optional<BaseRow> loadBase(store::Session& session, const std::string& baseId) {
  const store::Rows rows = session.query(
      std::string("SELECT ") + kBaseColumns + " FROM bases b WHERE b.id = ?", {baseId});
  if (rows.empty()) return std::nullopt;
  return baseFromRow(rows[0]);
}

std::vector<BaseWithRoles> loadBasesOfUser(store::Session& session, const std::string& userId) {
  return withRoles(session.query(
      std::string(kSelectBasesWithRoles) +
          " WHERE b.space_id IN (SELECT space_id FROM space_members WHERE user_id = ?)"
          " OR b.id IN (SELECT base_id FROM base_members WHERE user_id = ?)"
          " ORDER BY b.created_at, b.id",
      {userId, userId, userId, userId}));
}

std::vector<BaseWithRoles> loadBasesInSpace(store::Session& session, const std::string& userId,
                                            const std::string& spaceId) {
  return withRoles(session.query(
      std::string(kSelectBasesWithRoles) + " WHERE b.space_id = ? ORDER BY b.created_at, b.id",
      {userId, userId, spaceId}));
}

void insertBase(store::Session& session, const BaseRow& base) {
  session.execute(
      "INSERT INTO bases (id, space_id, name, created_by, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {base.id, base.spaceId, base.name, base.createdBy, base.createdAt, base.updatedAt});
}

std::size_t countBasesInSpace(store::Session& session, const std::string& spaceId) {
  return static_cast<std::size_t>(
      session.query("SELECT count(*) FROM bases WHERE space_id = ?", {spaceId})[0].integer(0));
}

void renameBase(store::Session& session, const std::string& baseId, const std::string& name,
                UnixMillis at) {
  session.execute("UPDATE bases SET name = ?, updated_at = ? WHERE id = ?", {name, at, baseId});
}

void deleteBase(store::Session& session, const std::string& baseId) {
  session.execute("DELETE FROM bases WHERE id = ?", {baseId});
}

}  // namespace tessera::features
