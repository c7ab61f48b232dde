// Collaborators of spaces and of bases: who has which role. The same rules
// serve both kinds; a space may have owners, a base may not, and a space
// always keeps at least one owner.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>

#include "access/resource.h"
#include "access/role.h"
#include "store/database.h"

namespace tessera::features {

// The role named `name` if it may be granted on a resource of `kind` (any
// role on a space, any but owner on a base). Refuses ApiError 400
// invalid_role.
access::Role parseGrantableRole(access::ResourceKind kind, const std::string& name);

// Inside the caller's write: makes `userId` a collaborator of `resource`
// with `role`, or raises their role to it; a stronger role they hold stays.
// Returns the role they hold afterwards.
access::Role joinWithRole(store::Session& session, const access::ResourceRef& resource,
                          const std::string& userId, access::Role role);

class MemberService {
 public:
  explicit MemberService(store::Database& database) : database_(database) {}

  // Every method REQUIRES: resource.kind is Space or Base, and
  // access::Authorizer allowed member:read (list, leaving) or
  // member:manage on it. `role` names a role: any for a space, any but
  // owner for a base.

  // {"collaborators": [...]} in the order they were added.
  boost::json::value list(const access::ResourceRef& resource);
  // Refuses ApiError 400 invalid_role, 404 user_not_found, 409 already_collaborator.
  boost::json::value add(const access::ResourceRef& resource, const std::string& email,
                         const std::string& role);
  // Refuses 404 (not a collaborator), 400 invalid_role, 409 last_owner.
  boost::json::value changeRole(const access::ResourceRef& resource, const std::string& userId,
                                const std::string& role);
  // Refuses 404 (not a collaborator), 409 last_owner (a space keeps an owner).
  void remove(const access::ResourceRef& resource, const std::string& userId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
