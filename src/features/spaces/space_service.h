// Spaces: the top of the hierarchy. Whoever creates a space is its owner.
// Access has already been decided by the route's requirement when these
// are called; the service applies the data rules.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>

#include "access/principal.h"
#include "access/role.h"
#include "store/database.h"

namespace tessera::features {

class SpaceService {
 public:
  explicit SpaceService(store::Database& database) : database_(database) {}

  // Every method REQUIRES: access::Authorizer allowed the action.

  // Creates the space with `userId` as its owner.
  boost::json::value create(const std::string& userId, const std::string& name);
  // {"spaces": [...]}: the spaces where the user has a space role (and a
  // restricted token is allowed), oldest first.
  boost::json::value listForUser(const access::Principal& principal);
  // Refuses 404 for a space deleted meanwhile.
  boost::json::value get(const std::string& spaceId, access::Role role);
  boost::json::value rename(const std::string& spaceId, const std::string& name, access::Role role);
  // Deletes the space with its bases, tables (SQL tables included) and
  // collaborators, in one transaction.
  void remove(const std::string& spaceId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
