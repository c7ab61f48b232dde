#include "features/members/member_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "features/members/member_store.h"
#include "features/users/user_store.h"
#include "http/api_error.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

boost::json::value collaboratorToJson(const Collaborator& collaborator) {
  return {{"userId", collaborator.userId},
          {"email", collaborator.email},
          {"name", collaborator.name},
          {"role", collaborator.role},
          {"createdTime", formatRfc3339(collaborator.createdAt)}};
}

access::Role currentRole(store::Session& session, const access::ResourceRef& resource,
                         const std::string& userId) {
  const auto collaborator = loadCollaborator(session, resource, userId);
  if (!collaborator) throw http::notFound("This user is not a collaborator here.");
  return access::parseRole(collaborator->role).value_or(access::Role::None);
}

// REQUIRES: called inside the write that demotes or removes `userId`.
void keepAnOwner(store::Session& session, const access::ResourceRef& resource,
                 access::Role oldRole) {
  if (resource.kind != access::ResourceKind::Space || oldRole != access::Role::Owner) return;
  if (countSpaceOwners(session, resource.id) <= 1) {
    throw http::conflict("last_owner",
                         "A space must keep at least one owner. Make someone else an owner "
                         "first.");
  }
}

}  // namespace

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

access::Role joinWithRole(store::Session& session, const access::ResourceRef& resource,
                          const std::string& userId, access::Role role) {
  const auto collaborator = loadCollaborator(session, resource, userId);
  if (!collaborator) {
    insertCollaborator(session, resource, userId, role, nowMillis());
    return role;
  }
  const access::Role held = access::parseRole(collaborator->role).value_or(access::Role::None);
  const access::Role stronger = access::strongerRole(held, role);
  if (stronger != held) updateCollaboratorRole(session, resource, userId, stronger);
  return stronger;
}

boost::json::value MemberService::list(const access::ResourceRef& resource) {
  return database_.read([&](store::Session& session) {
    boost::json::array collaborators;
    for (const Collaborator& collaborator : loadCollaborators(session, resource)) {
      collaborators.push_back(collaboratorToJson(collaborator));
    }
    return boost::json::value{{"collaborators", std::move(collaborators)}};
  });
}

boost::json::value MemberService::add(const access::ResourceRef& resource, const std::string& email,
                                      const std::string& roleName) {
  const access::Role role = parseGrantableRole(resource.kind, roleName);
  return database_.write([&](store::Session& session) {
    const auto user = findUserByEmail(session, email);
    if (!user) {
      throw http::ApiError(404, "user_not_found",
                           "No user with this email is registered on this server.");
    }
    try {
      insertCollaborator(session, resource, user->id, role, nowMillis());
    } catch (const store::StoreError& error) {
      if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
      throw http::conflict("already_collaborator",
                           "This user is already a collaborator here; change their role instead.");
    }
    return collaboratorToJson(loadCollaborator(session, resource, user->id).value());
  });
}

boost::json::value MemberService::changeRole(const access::ResourceRef& resource,
                                             const std::string& userId,
                                             const std::string& roleName) {
  const access::Role role = parseGrantableRole(resource.kind, roleName);
  return database_.write([&](store::Session& session) {
    const access::Role oldRole = currentRole(session, resource, userId);
    if (role != access::Role::Owner) keepAnOwner(session, resource, oldRole);
    updateCollaboratorRole(session, resource, userId, role);
    return collaboratorToJson(loadCollaborator(session, resource, userId).value());
  });
}

void MemberService::remove(const access::ResourceRef& resource, const std::string& userId) {
  database_.write([&](store::Session& session) {
    keepAnOwner(session, resource, currentRole(session, resource, userId));
    deleteCollaborator(session, resource, userId);
  });
}

}  // namespace tessera::features
