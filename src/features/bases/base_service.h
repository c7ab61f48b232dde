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

  boost::json::value create(const std::string& userId, const std::string& spaceId,
                            const std::string& name, access::Role role);
  // Every base the user can reach, through a space role or a base role.
  boost::json::value listForUser(const access::Principal& principal);
  // The bases of one space. REQUIRES: the user may read the space.
  boost::json::value listInSpace(const access::Principal& principal, const std::string& spaceId);
  boost::json::value get(const std::string& baseId, access::Role role);
  boost::json::value rename(const std::string& baseId, const std::string& name, access::Role role);
  void remove(const std::string& baseId);

 private:
  store::Database& database_;
};

}  // namespace tessera::features
