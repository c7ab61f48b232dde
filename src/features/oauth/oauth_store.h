// The SQL of OAuth: the clients that asked for access, the authorization
// codes handed out on consent, the grants users gave (scopes, spaces and
// bases, resources, lifetime) and the access and refresh tokens issued
// under each grant (digests only, of codes and tokens alike).
// Authentication reads access tokens, and anyone revokes a grant, through
// auth/oauth_credential_store.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/token_format.h"
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

// An authorization code: what the user consented to, waiting for the
// client to exchange it (once, within a minute) with its PKCE verifier.
struct OAuthCode {
  std::string codeHash;  // SHA-256 hex of the code
  std::string clientId;
  std::string userId;
  std::string redirectUri;
  std::string codeChallenge;  // S256
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::vector<std::string> resources;
  std::optional<UnixMillis> grantExpiresAt;
  UnixMillis createdAt = 0;
  UnixMillis expiresAt = 0;
  std::optional<UnixMillis> usedAt;
  std::string grantId;  // set once exchanged
};

// What the instance admin decided about a client: nothing yet, allowed
// (needed when the server connects only allowed clients) or blocked.
enum class ClientStatus { Unreviewed, Allowed, Blocked };

// A client with the admin's decision and, for a metadata-document client,
// when its document was last fetched and its logo (a data: URI, fetched by
// Tessera so the consent page loads nothing from elsewhere).
struct StoredClient {
  OAuthClient client;
  ClientStatus status = ClientStatus::Unreviewed;
  std::optional<UnixMillis> fetchedAt;
  std::optional<std::string> logoData;
};

// A new grant id ("grt" + 21 base62 characters).
std::string newGrantId();

void insertClient(store::Session& session, const OAuthClient& client);
// Stores what a client's metadata document says now, fetched at
// `fetchedAt`: a new client, or the same one with its name, redirect URIs
// and logo replaced (whether it is blocked is kept).
void saveDocumentClient(store::Session& session, const OAuthClient& client,
                        const std::optional<std::string>& logoData, UnixMillis fetchedAt);
std::optional<StoredClient> loadClient(store::Session& session, const std::string& clientId);

// Every client (or only `onlyId`), newest first, with how many live
// grants it has at `now`.
struct ListedClient {
  StoredClient stored;
  std::int64_t liveGrants = 0;
};
std::vector<ListedClient> loadClients(store::Session& session, UnixMillis now,
                                      const std::optional<std::string>& onlyId = std::nullopt);
// Records the admin's decision; false when there is no such client.
bool setClientStatus(store::Session& session, const std::string& clientId, ClientStatus status,
                     UnixMillis at);

void insertCode(store::Session& session, const OAuthCode& code);
std::optional<OAuthCode> loadCode(store::Session& session, const std::string& codeHash);
// Marks the code exchanged for `grantId`; false when it was exchanged
// before (a concurrent exchange of the same code).
bool markCodeUsed(store::Session& session, const std::string& codeHash, UnixMillis at,
                  const std::string& grantId);

// Marks the refresh token exchanged; false when it was exchanged before.
bool markRefreshTokenUsed(store::Session& session, const std::string& tokenId, UnixMillis at);
void insertGrant(store::Session& session, const OAuthGrant& grant);

// A live grant as Settings › Connected apps and the instance admin list it.
struct ListedGrant {
  OAuthGrant grant;
  std::string clientName;
  OAuthClientKind clientKind = OAuthClientKind::Registered;
  std::string userEmail;
  std::string userName;
  std::optional<UnixMillis> lastUsedAt;
  std::string lastUsedIp;
};
// Which live grants to list: one user's, one client's, or (both empty)
// every one on the instance.
struct GrantFilter {
  std::optional<std::string> userId;
  std::optional<std::string> clientId;
};
// The grants that are neither revoked nor ended at `now`, newest first.
std::vector<ListedGrant> loadLiveGrants(store::Session& session, const GrantFilter& filter,
                                        UnixMillis now);
// The owner of the grant, revoked or not; nullopt when there is none.
std::optional<std::string> grantOwner(store::Session& session, const std::string& grantId);
// Stores a token issued under `grantId`: its public id and the SHA-256 hex
// of its secret, never the secret.
void insertOAuthToken(store::Session& session, const std::string& tokenId,
                      const std::string& grantId, auth::TokenKind kind,
                      const std::string& secretHash, UnixMillis createdAt, UnixMillis expiresAt);

}  // namespace tessera::features
