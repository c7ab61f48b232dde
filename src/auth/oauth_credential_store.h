// What authentication reads of OAuth access tokens (tsr_oat_): the token a
// bearer value names, with its grant (what the user consented to), its
// client and its user's state. Grants, clients and token issuance are
// managed through features/oauth; this is the read that every request with
// an OAuth token makes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::auth {

// The protected resources an OAuth grant can name (RFC 8707 resource
// indicators): the MCP endpoint and the REST API.
inline constexpr std::string_view kMcpResource = "mcp";
inline constexpr std::string_view kApiResource = "api";

// Which protected resource a request path belongs to: kMcpResource for
// /mcp, kApiResource for everything else.
std::string_view resourceOfPath(std::string_view path);

// The prefix of every grant id, so that a last use recorded by id reaches
// the grant's row and not a personal access token's (recordTokenUse).
inline constexpr std::string_view kGrantIdPrefix = "grt";

struct StoredOAuthAccess {
  std::string grantId;
  std::string userId;
  std::string clientId;
  std::string clientName;
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::vector<std::string> resources;  // kMcpResource and/or kApiResource
  std::string secretHash;              // SHA-256 hex of the token's secret
  UnixMillis expiresAt = 0;            // the access token's own expiry
  std::optional<UnixMillis> grantRevokedAt;
  bool userIsAdmin = false;
  bool userDisabled = false;
};

// The OAuth access token with this id, with its grant, or nullopt (also
// for a refresh token's id).
std::optional<StoredOAuthAccess> loadOAuthAccess(store::Session& session,
                                                 const std::string& tokenId);

}  // namespace tessera::auth
