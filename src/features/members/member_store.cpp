#include "features/members/member_store.h"

#include <stdexcept>

namespace tessera::features {
namespace {

// Table and key column per kind of resource. Identifiers come from this
// table only, never from a request.
struct MemberTable {
  std::string table;
  std::string key;
};

MemberTable memberTable(access::ResourceKind kind) {
  switch (kind) {
    case access::ResourceKind::Space:
      return {"space_members", "space_id"};
    case access::ResourceKind::Base:
      return {"base_members", "base_id"};
    case access::ResourceKind::Table:
      break;
  }
  throw std::logic_error("only spaces and bases have collaborators");
}

std::string selectCollaborators(const MemberTable& t) {
  return "SELECT u.id, u.email, u.name, m.role, m.created_at FROM " + t.table +
         " m JOIN users u ON u.id = m.user_id WHERE m." + t.key + " = ?";
}

Collaborator collaboratorFromRow(const store::Row& row) {
  return {row.text(0), row.text(1), row.text(2), row.text(3), row.integer(4)};
}

}  // namespace

std::vector<Collaborator> loadCollaborators(store::Session& session,
                                            const access::ResourceRef& resource) {
  std::vector<Collaborator> collaborators;
  for (const store::Row& row : session.query(
           selectCollaborators(memberTable(resource.kind)) + " ORDER BY m.created_at, u.id",
           {resource.id})) {
    collaborators.push_back(collaboratorFromRow(row));
  }
  return collaborators;
}

std::optional<Collaborator> loadCollaborator(store::Session& session,
                                             const access::ResourceRef& resource,
                                             const std::string& userId) {
  const store::Rows rows =
      session.query(selectCollaborators(memberTable(resource.kind)) + " AND m.user_id = ?",
                    {resource.id, userId});
  if (rows.empty()) return std::nullopt;
  return collaboratorFromRow(rows[0]);
}

void insertCollaborator(store::Session& session, const access::ResourceRef& resource,
                        const std::string& userId, access::Role role, UnixMillis at) {
  const MemberTable t = memberTable(resource.kind);
  session.execute(
      "INSERT INTO " + t.table + " (" + t.key + ", user_id, role, created_at) VALUES (?, ?, ?, ?)",
      {resource.id, userId, std::string(access::roleName(role)), at});
}

void updateCollaboratorRole(store::Session& session, const access::ResourceRef& resource,
                            const std::string& userId, access::Role role) {
  const MemberTable t = memberTable(resource.kind);
  session.execute("UPDATE " + t.table + " SET role = ? WHERE " + t.key + " = ? AND user_id = ?",
                  {std::string(access::roleName(role)), resource.id, userId});
}

void deleteCollaborator(store::Session& session, const access::ResourceRef& resource,
                        const std::string& userId) {
  const MemberTable t = memberTable(resource.kind);
  session.execute("DELETE FROM " + t.table + " WHERE " + t.key + " = ? AND user_id = ?",
                  {resource.id, userId});
}

std::int64_t countSpaceOwners(store::Session& session, const std::string& spaceId) {
  return session
      .query("SELECT COUNT(*) FROM space_members WHERE space_id = ? AND role = 'owner'", {spaceId})
      .at(0)
      .integer(0);
}

}  // namespace tessera::features
