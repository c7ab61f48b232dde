// What is read of an OAuth token by its id: the token (access, tsr_oat_,
// or refresh, tsr_ort_) with its grant (what the user consented to), its
// client and its user's state. Authentication reads access tokens on
// every request with one; features/oauth reads refresh tokens when they
// are exchanged, and manages grants, clients and issuance. Revoking a
// grant lives here too, for every feature that ends one (a leak report
// ends an OAuth token's grant as it ends a personal access token).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/token_format.h"
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

struct StoredOAuthToken {
  std::string grantId;
  std::string userId;
  std::string clientId;
  std::string clientName;
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::vector<std::string> resources;  // kMcpResource and/or kApiResource
  std::string secretHash;              // SHA-256 hex of the token's secret
  UnixMillis expiresAt = 0;            // the token's own expiry
  std::optional<UnixMillis> usedAt;    // a refresh token once exchanged
  std::optional<UnixMillis> grantRevokedAt;
  std::optional<UnixMillis> grantExpiresAt;
  bool userIsAdmin = false;
  bool userDisabled = false;
};

// The OAuth token of `kind` (TokenKind::OAuthAccess or OAuthRefresh) with
// this id, with its grant, or nullopt (also for a token of the other kind).
std::optional<StoredOAuthToken> loadOAuthToken(store::Session& session, const std::string& tokenId,
                                               TokenKind kind);

// The grant of the access or refresh token `tokenId` whose secret has
// this digest, with its user and client; nullopt when there is none.
struct OAuthTokenOwner {
  std::string grantId;
  std::string userId;
  std::string clientId;
};
std::optional<OAuthTokenOwner> ownerOfOAuthToken(store::Session& session,
                                                 const std::string& tokenId,
                                                 const std::string& secretHash);

// Ends the grant and with it every token issued under it, unless it was
// revoked before. Returns whether it was live. `reason` is kept with it
// (revoked_by_user, refresh_reused, reported_leaked, ...).
bool revokeGrant(store::Session& session, const std::string& grantId, UnixMillis at,
                 const std::string& reason);

// How the kind of an OAuth token is stored: "access" or "refresh".
std::string_view oauthTokenKindText(TokenKind kind);

}  // namespace tessera::auth
