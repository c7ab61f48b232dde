#include "features/spaces/space_store.h"

namespace tessera::features {
namespace {

constexpr const char* kSpaceColumns = "s.id, s.name, s.created_by, s.created_at, s.updated_at";

SpaceRow spaceFromRow(const store::Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.integer(3), row.integer(4)};
}

}  // namespace

std::optional<SpaceRow> loadSpace(store::Session& session, const std::string& spaceId) {
  const store::Rows rows = session.query(
      std::string("SELECT ") + kSpaceColumns + " FROM spaces s WHERE s.id = ?", {spaceId});
  if (rows.empty()) return std::nullopt;
  return spaceFromRow(rows[0]);
}

std::vector<SpaceWithRole> loadSpacesOfUser(store::Session& session, const std::string& userId) {
  std::vector<SpaceWithRole> spaces;
  for (const store::Row& row :
       session.query(std::string("SELECT ") + kSpaceColumns +
                         ", m.role FROM spaces s JOIN space_members m ON m.space_id = s.id"
                         " WHERE m.user_id = ? ORDER BY s.created_at, s.id",
                     {userId})) {
    spaces.push_back({spaceFromRow(row), row.text(5)});
  }
  return spaces;
}

void insertSpace(store::Session& session, const SpaceRow& space) {
  session.execute(
      "INSERT INTO spaces (id, name, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      {space.id, space.name, space.createdBy, space.createdAt, space.updatedAt});
}

void renameSpace(store::Session& session, const std::string& spaceId, const std::string& name,
                 UnixMillis at) {
  session.execute("UPDATE spaces SET name = ?, updated_at = ? WHERE id = ?", {name, at, spaceId});
}

void deleteSpace(store::Session& session, const std::string& spaceId) {
  session.execute("DELETE FROM spaces WHERE id = ?", {spaceId});
}

}  // namespace tessera::features
