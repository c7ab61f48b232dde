// Who is making a request, as established by authentication, and — for a
// personal access token — what the token grants.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/scopes.h"
#include "common/clock.h"

namespace tessera::access {

struct TokenGrant {
  std::string id;
  std::string name;
  ScopeSet scopes;
  std::vector<std::string> scopeNames;
  // Empty both: the token reaches everything its user can.
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::optional<UnixMillis> expiresAt;
  // For an OAuth access token: the client its grant was given to (`id` is
  // then the grant's id, `name` the client's name); empty for a personal
  // access token.
  std::string clientId;

  bool restricted() const { return !spaceIds.empty() || !baseIds.empty(); }
  // Whether the restriction covers a resource in `spaceId` (and `baseId`,
  // empty for a space itself).
  bool covers(const std::string& spaceId, const std::string& baseId) const;
};

struct Principal {
  std::string userId;
  bool isInstanceAdmin = false;
  std::optional<TokenGrant> token;  // set when a token authenticated

  std::string_view tokenId() const { return token ? std::string_view(token->id) : ""; }
};

}  // namespace tessera::access
