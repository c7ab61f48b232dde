// Who is making a request, as established by authentication.
#pragma once

#include <string>

namespace tessera::access {

struct Principal {
  std::string userId;
  bool isInstanceAdmin = false;
  // Set when the request came with a personal access token.
  std::string tokenId;
};

}  // namespace tessera::access
