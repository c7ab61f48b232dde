// The SQL of OAuth: the clients that asked for access, the grants users
// gave them (scopes, spaces and bases, resources, lifetime) and the
// access and refresh tokens issued under each grant (digests only).
// Authentication reads access tokens through auth/oauth_credential_store.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

// How a client made itself known: a Client ID Metadata Document (its id is
// the document's https URL) or Dynamic Client Registration (RFC 7591).
enum class OAuthClientKind { MetadataDocument, Registered };

struct OAuthClient {
  std::string id;
  OAuthClientKind kind = OAuthClientKind::Registered;
  std::string name;
  std::optional<std::string> logoUri;
  std::optional<std::string> clientUri;
  std::vector<std::string> redirectUris;
  UnixMillis createdAt = 0;
};

struct OAuthGrant {
  std::string id;  // starts with auth::kGrantIdPrefix
  std::string userId;
  std::string clientId;
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::vector<std::string> resources;  // auth::kMcpResource and/or auth::kApiResource
  UnixMillis createdAt = 0;
  std::optional<UnixMillis> expiresAt;  // when the grant (and its refresh tokens) ends
};

enum class OAuthTokenKind { Access, Refresh };

// A new grant id ("grt" + 21 base62 characters).
std::string newGrantId();

void insertClient(store::Session& session, const OAuthClient& client);
void insertGrant(store::Session& session, const OAuthGrant& grant);
// Stores a token issued under `grantId`: its public id and the SHA-256 hex
// of its secret, never the secret.
void insertOAuthToken(store::Session& session, const std::string& tokenId,
                      const std::string& grantId, OAuthTokenKind kind,
                      const std::string& secretHash, UnixMillis createdAt, UnixMillis expiresAt);
// Ends the grant and with it every token issued under it, unless it was
// revoked before. Returns whether it was live.
bool revokeGrant(store::Session& session, const std::string& grantId, UnixMillis at,
                 const std::string& reason);

}  // namespace tessera::features
