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

  boost::json::value create(const std::string& userId, const std::string& name);
  // The spaces where the user has a space role (and a restricted token
  // is allowed).
  boost::json::value listForUser(const access::Principal& principal);
  boost::json::value get(const std::string& spaceId, access::Role role);
  boost::json::value rename(const std::string& spaceId, const std::string& name, access::Role role);
  // Deletes the space with its bases and collaborators.
  void remove(const std::string& spaceId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
