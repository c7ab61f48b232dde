#include "features/members/member_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "features/users/user_store.h"
#include "http/api_error.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

// Table and key column per kind of resource. Identifiers come from this
// table only, never from a request.
struct MemberTable {
  std::string table;
  std::string key;
};

MemberTable memberTable(access::ResourceKind kind) {
  if (kind == access::ResourceKind::Space) return {"space_members", "space_id"};
  return {"base_members", "base_id"};
}

access::Role parseGrantableRole(access::ResourceKind kind, const std::string& name) {
  const auto role = access::parseRole(name);
  if (kind == access::ResourceKind::Space) {
    if (!role) {
      throw http::badRequest("invalid_role",
                             "Field 'role' must be one of owner, creator, editor, commenter, "
                             "viewer.");
    }
    return *role;
  }
  if (!role || *role == access::Role::Owner) {
    throw http::badRequest("invalid_role",
                           "Field 'role' must be one of creator, editor, commenter, viewer (bases "
                           "have no owners; owners belong to spaces).");
  }
  return *role;
}

boost::json::value collaboratorToJson(const store::Row& row) {
  return {{"userId", row.text(0)},
          {"email", row.text(1)},
          {"name", row.text(2)},
          {"role", row.text(3)},
          {"createdTime", formatRfc3339(row.integer(4))}};
}

store::Rows selectCollaborators(store::Session& session, const access::ResourceRef& resource,
                                const std::string& userFilter) {
  const MemberTable t = memberTable(resource.kind);
  std::string sql = "SELECT u.id, u.email, u.name, m.role, m.created_at FROM " + t.table +
                    " m JOIN users u ON u.id = m.user_id WHERE m." + t.key + " = ?";
  if (userFilter.empty()) {
    return session.query(sql + " ORDER BY m.created_at, u.id", {resource.id});
  }
  return session.query(sql + " AND m.user_id = ?", {resource.id, userFilter});
}

access::Role currentRole(store::Session& session, const access::ResourceRef& resource,
                         const std::string& userId) {
  const store::Rows rows = selectCollaborators(session, resource, userId);
  if (rows.empty()) throw http::notFound("This user is not a collaborator here.");
  return access::parseRole(rows[0].text(3)).value_or(access::Role::None);
}

// REQUIRES: called inside the write that demotes or removes `userId`.
void keepAnOwner(store::Session& session, const access::ResourceRef& resource,
                 access::Role oldRole) {
  if (resource.kind != access::ResourceKind::Space || oldRole != access::Role::Owner) return;
  const store::Rows owners = session.query(
      "SELECT COUNT(*) FROM space_members WHERE space_id = ? AND role = 'owner'", {resource.id});
  if (owners.at(0).integer(0) <= 1) {
    throw http::conflict("last_owner",
                         "A space must keep at least one owner. Make someone else an owner "
                         "first.");
  }
}

}  // namespace

boost::json::value MemberService::list(const access::ResourceRef& resource) {
  return database_.read([&](store::Session& session) {
    boost::json::array collaborators;
    for (const store::Row& row : selectCollaborators(session, resource, "")) {
      collaborators.push_back(collaboratorToJson(row));
    }
    return boost::json::value{{"collaborators", std::move(collaborators)}};
  });
}

boost::json::value MemberService::add(const access::ResourceRef& resource, const std::string& email,
                                      const std::string& roleName) {
  const access::Role role = parseGrantableRole(resource.kind, roleName);
  const MemberTable t = memberTable(resource.kind);
  return database_.write([&](store::Session& session) {
    const auto user = findUserByEmail(session, email);
    if (!user) {
      throw http::ApiError(404, "user_not_found",
                           "No user with this email is registered on this server.");
    }
    try {
      session.execute("INSERT INTO " + t.table + " (" + t.key +
                          ", user_id, role, created_at) VALUES (?, ?, ?, ?)",
                      {resource.id, user->id, std::string(access::roleName(role)), nowMillis()});
    } catch (const store::StoreError& error) {
      if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
      throw http::conflict("already_collaborator",
                           "This user is already a collaborator here; change their role instead.");
    }
    return collaboratorToJson(selectCollaborators(session, resource, user->id).at(0));
  });
}

boost::json::value MemberService::changeRole(const access::ResourceRef& resource,
                                             const std::string& userId,
                                             const std::string& roleName) {
  const access::Role role = parseGrantableRole(resource.kind, roleName);
  const MemberTable t = memberTable(resource.kind);
  return database_.write([&](store::Session& session) {
    const access::Role oldRole = currentRole(session, resource, userId);
    if (role != access::Role::Owner) keepAnOwner(session, resource, oldRole);
    session.execute("UPDATE " + t.table + " SET role = ? WHERE " + t.key + " = ? AND user_id = ?",
                    {std::string(access::roleName(role)), resource.id, userId});
    return collaboratorToJson(selectCollaborators(session, resource, userId).at(0));
  });
}

void MemberService::remove(const access::ResourceRef& resource, const std::string& userId) {
  const MemberTable t = memberTable(resource.kind);
  database_.write([&](store::Session& session) {
    keepAnOwner(session, resource, currentRole(session, resource, userId));
    session.execute("DELETE FROM " + t.table + " WHERE " + t.key + " = ? AND user_id = ?",
                    {resource.id, userId});
  });
}

}  // namespace tessera::features
