#include "support/planted_oauth_token.h"

#include <sqlite3.h>

#include <stdexcept>

#include "auth/digest.h"
#include "auth/token_format.h"
#include "common/clock.h"
#include "common/random.h"

namespace tessera::testing {
namespace {

std::string jsonList(const std::vector<std::string>& items) {
  std::string list = "[";
  for (const std::string& item : items) list += (list.size() > 1 ? ",\"" : "\"") + item + "\"";
  return list + "]";
}

void run(const TestServer& server, const std::string& sql) {
  if (server.database().onPostgres()) {
    server.database().query(sql);
    return;
  }
  sqlite3* db = nullptr;
  sqlite3_open((server.dataDir() / "tessera.db").c_str(), &db);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  const int status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (status != SQLITE_OK) throw std::runtime_error(sql + ": " + message);
}

}  // namespace

std::string plantOAuthAccessToken(const TestServer& server, const PlantedGrant& grant) {
  const std::string now = std::to_string(nowMillis());
  const std::string clientId = "https://agent.example/" + randomBase62(8) + ".json";
  const std::string grantId = "grt" + randomBase62(21);
  const std::string tokenId = auth::newTokenId();
  const std::string secret = auth::newTokenSecret();
  run(server,
      "INSERT INTO oauth_clients (id, kind, name, redirect_uris, created_at) VALUES ('" + clientId +
          "', 'metadata_document', 'Agent', '[]', " + now + ");" +
          "INSERT INTO oauth_grants (id, user_id, client_id, scopes, space_ids, base_ids, "
          "resources, created_at) VALUES ('" +
          grantId + "', '" + grant.userId + "', '" + clientId + "', '" + jsonList(grant.scopes) +
          "', '[]', '[]', '" + jsonList(grant.resources) + "', " + now + ");" +
          "INSERT INTO oauth_tokens (id, grant_id, kind, secret_hash, created_at, expires_at) "
          "VALUES ('" +
          tokenId + "', '" + grantId + "', 'access', '" + auth::sha256Hex(secret) + "', " + now +
          ", " + std::to_string(nowMillis() + grant.accessLifetimeMs) + ");");
  return auth::makeToken(auth::TokenKind::OAuthAccess, tokenId, secret);
}

void revokePlantedGrants(const TestServer& server) {
  run(server, "UPDATE oauth_grants SET revoked_at = " + std::to_string(nowMillis()) +
                  ", revoked_reason = 'test'");
}

void expireOAuthCodes(const TestServer& server) {
  run(server, "UPDATE oauth_codes SET expires_at = 0");
}

}  // namespace tessera::testing
