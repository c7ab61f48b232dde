#include "features/oauth/oauth_store.h"

#include "auth/digest.h"
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

OAuthClientKind kindFromText(const std::string& text) {
  return text == "metadata_document" ? OAuthClientKind::MetadataDocument
                                     : OAuthClientKind::Registered;
}

ClientStatus statusOf(const store::Row& row, std::size_t allowedColumn, std::size_t blockedColumn) {
  if (!row.isNull(blockedColumn)) return ClientStatus::Blocked;
  return row.isNull(allowedColumn) ? ClientStatus::Unreviewed : ClientStatus::Allowed;
}

StoredClient storedClientOf(const std::string& id, const store::Row& row) {
  return StoredClient{{id, kindFromText(row.text(0)), row.text(1), row.optionalText(2),
                       row.optionalText(3), store::decodeStringList(row.text(4)), row.integer(5)},
                      statusOf(row, 6, 7),
                      row.optionalInteger(8),
                      row.optionalText(9)};
}

constexpr const char* kClientColumns =
    "kind, name, logo_uri, client_uri, redirect_uris, created_at, allowed_at, blocked_at,"
    " fetched_at, logo_data";

store::SqlValue optionalText(const std::optional<std::string>& text) {
  return text ? store::SqlValue(*text) : store::SqlValue(nullptr);
}

store::SqlValue optionalTime(const std::optional<UnixMillis>& at) {
  return at ? store::SqlValue(*at) : store::SqlValue(nullptr);
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

void saveDocumentClient(store::Session& session, const OAuthClient& client,
                        const std::optional<std::string>& logoData, UnixMillis fetchedAt) {
  session.execute(
      "INSERT INTO oauth_clients (id, kind, name, logo_uri, client_uri, redirect_uris, created_at,"
      " fetched_at, logo_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (id) DO UPDATE SET name = excluded.name, logo_uri = excluded.logo_uri,"
      " client_uri = excluded.client_uri, redirect_uris = excluded.redirect_uris,"
      " fetched_at = excluded.fetched_at, logo_data = excluded.logo_data",
      {client.id, kindText(client.kind), client.name, optionalText(client.logoUri),
       optionalText(client.clientUri), store::encodeStringList(client.redirectUris),
       client.createdAt, fetchedAt, optionalText(logoData)});
}

std::optional<StoredClient> loadClient(store::Session& session, const std::string& clientId) {
  const store::Rows rows = session.query(
      std::string("SELECT ") + kClientColumns + " FROM oauth_clients WHERE id = ?", {clientId});
  if (rows.empty()) return std::nullopt;
  return storedClientOf(clientId, rows[0]);
}

std::vector<ListedClient> loadClients(store::Session& session, UnixMillis now,
                                      const std::optional<std::string>& onlyId) {
  std::vector<store::SqlValue> params{now};
  if (onlyId) params.emplace_back(*onlyId);
  std::vector<ListedClient> clients;
  for (const store::Row& row :
       session.query(std::string("SELECT ") + kClientColumns +
                         ", c.id, (SELECT COUNT(*) FROM oauth_grants g WHERE g.client_id = c.id"
                         " AND g.revoked_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > ?))"
                         " FROM oauth_clients c" +
                         (onlyId ? " WHERE c.id = ?" : "") + " ORDER BY c.created_at DESC, c.id",
                     params)) {
    clients.push_back({storedClientOf(row.text(10), row), row.integer(11)});
  }
  return clients;
}

bool setClientStatus(store::Session& session, const std::string& clientId, ClientStatus status,
                     UnixMillis at) {
  const auto stamp = [&](ClientStatus wanted) {
    return status == wanted ? store::SqlValue(at) : store::SqlValue(nullptr);
  };
  return session.execute("UPDATE oauth_clients SET allowed_at = ?, blocked_at = ? WHERE id = ?",
                         {stamp(ClientStatus::Allowed), stamp(ClientStatus::Blocked), clientId}) >
         0;
}

void insertCode(store::Session& session, const OAuthCode& code) {
  session.execute(
      "INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, code_challenge,"
      " scopes, space_ids, base_ids, resources, grant_expires_at, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {code.codeHash, code.clientId, code.userId, code.redirectUri, code.codeChallenge,
       store::encodeStringList(code.scopes), store::encodeStringList(code.spaceIds),
       store::encodeStringList(code.baseIds), store::encodeStringList(code.resources),
       optionalTime(code.grantExpiresAt), code.createdAt, code.expiresAt});
}

std::optional<OAuthCode> loadCode(store::Session& session, const std::string& codeHash) {
  const store::Rows rows = session.query(
      "SELECT client_id, user_id, redirect_uri, code_challenge, scopes, space_ids, base_ids,"
      " resources, grant_expires_at, created_at, expires_at, used_at, grant_id"
      " FROM oauth_codes WHERE code_hash = ?",
      {codeHash});
  if (rows.empty()) return std::nullopt;
  const store::Row& row = rows[0];
  return OAuthCode{codeHash,
                   row.text(0),
                   row.text(1),
                   row.text(2),
                   row.text(3),
                   store::decodeStringList(row.text(4)),
                   store::decodeStringList(row.text(5)),
                   store::decodeStringList(row.text(6)),
                   store::decodeStringList(row.text(7)),
                   row.optionalInteger(8),
                   row.integer(9),
                   row.integer(10),
                   row.optionalInteger(11),
                   row.isNull(12) ? std::string() : row.text(12)};
}

bool markCodeUsed(store::Session& session, const std::string& codeHash, UnixMillis at,
                  const std::string& grantId) {
  return session.execute(
             "UPDATE oauth_codes SET used_at = ?, grant_id = ? WHERE code_hash = ? AND used_at IS "
             "NULL",
             {at, grantId, codeHash}) > 0;
}

bool markRefreshTokenUsed(store::Session& session, const std::string& tokenId, UnixMillis at) {
  return session.execute("UPDATE oauth_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL",
                         {at, tokenId}) > 0;
}

void insertGrant(store::Session& session, const OAuthGrant& grant) {
  session.execute(
      "INSERT INTO oauth_grants (id, user_id, client_id, scopes, space_ids, base_ids, resources,"
      " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {grant.id, grant.userId, grant.clientId, store::encodeStringList(grant.scopes),
       store::encodeStringList(grant.spaceIds), store::encodeStringList(grant.baseIds),
       store::encodeStringList(grant.resources), grant.createdAt, optionalTime(grant.expiresAt)});
}

void insertOAuthToken(store::Session& session, const std::string& tokenId,
                      const std::string& grantId, auth::TokenKind kind,
                      const std::string& secretHash, UnixMillis createdAt, UnixMillis expiresAt) {
  session.execute(
      "INSERT INTO oauth_tokens (id, grant_id, kind, secret_hash, created_at, expires_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {tokenId, grantId, std::string(auth::oauthTokenKindText(kind)), secretHash, createdAt,
       expiresAt});
}

std::vector<ListedGrant> loadLiveGrants(store::Session& session, const GrantFilter& filter,
                                        UnixMillis now) {
  std::string sql =
      "SELECT g.id, g.client_id, g.scopes, g.space_ids, g.base_ids, g.resources, g.created_at,"
      " g.expires_at, g.last_used_at, g.last_used_ip, c.name, c.kind, g.user_id, u.email, u.name"
      " FROM oauth_grants g JOIN oauth_clients c ON c.id = g.client_id"
      " JOIN users u ON u.id = g.user_id"
      " WHERE g.revoked_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > ?)";
  std::vector<store::SqlValue> params{now};
  if (filter.userId) {
    sql += " AND g.user_id = ?";
    params.emplace_back(*filter.userId);
  }
  if (filter.clientId) {
    sql += " AND g.client_id = ?";
    params.emplace_back(*filter.clientId);
  }
  sql += " ORDER BY g.created_at DESC, g.id";
  std::vector<ListedGrant> grants;
  for (const store::Row& row : session.query(sql, params)) {
    ListedGrant listed;
    listed.grant = {row.text(0),
                    row.text(12),
                    row.text(1),
                    store::decodeStringList(row.text(2)),
                    store::decodeStringList(row.text(3)),
                    store::decodeStringList(row.text(4)),
                    store::decodeStringList(row.text(5)),
                    row.integer(6),
                    row.optionalInteger(7)};
    listed.lastUsedAt = row.optionalInteger(8);
    listed.lastUsedIp = row.optionalText(9).value_or("");
    listed.clientName = row.text(10);
    listed.clientKind = kindFromText(row.text(11));
    listed.userEmail = row.text(13);
    listed.userName = row.text(14);
    grants.push_back(std::move(listed));
  }
  return grants;
}

std::optional<std::string> grantOwner(store::Session& session, const std::string& grantId) {
  const store::Rows rows =
      session.query("SELECT user_id FROM oauth_grants WHERE id = ?", {grantId});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

}  // namespace tessera::features
