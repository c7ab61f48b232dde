#include "features/oauth/oauth_store.h"

#include "auth/oauth_credential_store.h"
#include "common/random.h"
#include "store/string_list.h"

namespace tessera::features {
namespace {

const char* kindText(OAuthClientKind kind) {
  switch (kind) {
    case OAuthClientKind::MetadataDocument:
      return "metadata_document";
    case OAuthClientKind::Registered:
      return "registered";
  }
  return "registered";  // not reached: the switch names every kind
}

store::SqlValue optionalText(const std::optional<std::string>& text) {
  return text ? store::SqlValue(*text) : store::SqlValue(nullptr);
}

}  // namespace

std::string newGrantId() { return std::string(auth::kGrantIdPrefix) + randomBase62(21); }

void insertClient(store::Session& session, const OAuthClient& client) {
  session.execute(
      "INSERT INTO oauth_clients (id, kind, name, logo_uri, client_uri, redirect_uris, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {client.id, kindText(client.kind), client.name, optionalText(client.logoUri),
       optionalText(client.clientUri), store::encodeStringList(client.redirectUris),
       client.createdAt});
}

void insertGrant(store::Session& session, const OAuthGrant& grant) {
  session.execute(
      "INSERT INTO oauth_grants (id, user_id, client_id, scopes, space_ids, base_ids, resources,"
      " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {grant.id, grant.userId, grant.clientId, store::encodeStringList(grant.scopes),
       store::encodeStringList(grant.spaceIds), store::encodeStringList(grant.baseIds),
       store::encodeStringList(grant.resources), grant.createdAt,
       grant.expiresAt ? store::SqlValue(*grant.expiresAt) : store::SqlValue(nullptr)});
}

void insertOAuthToken(store::Session& session, const std::string& tokenId,
                      const std::string& grantId, OAuthTokenKind kind,
                      const std::string& secretHash, UnixMillis createdAt, UnixMillis expiresAt) {
  session.execute(
      "INSERT INTO oauth_tokens (id, grant_id, kind, secret_hash, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {tokenId, grantId, kind == OAuthTokenKind::Access ? "access" : "refresh", secretHash,
       createdAt, expiresAt});
}

bool revokeGrant(store::Session& session, const std::string& grantId, UnixMillis at,
                 const std::string& reason) {
  return session.execute(
             "UPDATE oauth_grants SET revoked_at = ?, revoked_reason = ?"
             " WHERE id = ? AND revoked_at IS NULL",
             {at, reason, grantId}) > 0;
}

}  // namespace tessera::features
