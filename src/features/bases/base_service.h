// Bases: the containers of tables inside a space. A user's role on a base
// is the stronger of their space role and their base role. Access has been
// decided before these are called.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>

#include "access/principal.h"
#include "access/role.h"
#include "store/database.h"

namespace tessera::features {

class BaseService {
 public:
  explicit BaseService(store::Database& database) : database_(database) {}

  // Every method REQUIRES: access::Authorizer allowed the action (for
  // create, base:create on `spaceId`; `role` is the role it found).

  // Creates the base; returns its JSON with the creator's `role`.
  boost::json::value create(const std::string& userId, const std::string& spaceId,
                            const std::string& name, access::Role role);
  // {"bases": [...]}: every base the user can reach, through a space role
  // or a base role, that a restricted token covers; oldest first.
  boost::json::value listForUser(const access::Principal& principal);
  // The bases of one space, as listForUser filters them.
  boost::json::value listInSpace(const access::Principal& principal, const std::string& spaceId);
  // Refuses 404 for a base deleted meanwhile.
  boost::json::value get(const std::string& baseId, access::Role role);
  boost::json::value rename(const std::string& baseId, const std::string& name, access::Role role);
  // Deletes the base with its tables (SQL tables included) and
  // collaborators, in one transaction.
  void remove(const std::string& baseId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
