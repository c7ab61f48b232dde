#include "auth/oauth_credential_store.h"

#include "auth/digest.h"
#include "store/string_list.h"

namespace tessera::auth {

std::string_view resourceOfPath(std::string_view path) {
  const bool mcp = path == "/mcp" || path.starts_with("/mcp/");
  return mcp ? kMcpResource : kApiResource;
}

std::optional<StoredOAuthToken> loadOAuthToken(store::Session& session, const std::string& tokenId,
                                               TokenKind kind) {
  const store::Rows rows = session.query(
      "SELECT g.id, g.user_id, g.client_id, c.name, g.scopes, g.space_ids, g.base_ids,"
      " g.resources, t.secret_hash, t.expires_at, t.used_at, g.revoked_at, g.expires_at,"
      " u.is_admin, u.disabled_at"
      " FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id"
      " JOIN oauth_clients c ON c.id = g.client_id JOIN users u ON u.id = g.user_id"
      " WHERE t.id = ? AND t.kind = ?",
      {tokenId, std::string(oauthTokenKindText(kind))});
  if (rows.empty()) return std::nullopt;
  const store::Row& row = rows[0];
  return StoredOAuthToken{row.text(0),
                          row.text(1),
                          row.text(2),
                          row.text(3),
                          store::decodeStringList(row.text(4)),
                          store::decodeStringList(row.text(5)),
                          store::decodeStringList(row.text(6)),
                          store::decodeStringList(row.text(7)),
                          row.text(8),
                          row.integer(9),
                          row.optionalInteger(10),
                          row.optionalInteger(11),
                          row.optionalInteger(12),
                          row.integer(13) != 0,
                          !row.isNull(14)};
}

std::string_view oauthTokenKindText(TokenKind kind) {
  return kind == TokenKind::OAuthRefresh ? "refresh" : "access";
}

std::optional<OAuthTokenOwner> ownerOfOAuthToken(store::Session& session,
                                                 const std::string& tokenId,
                                                 const std::string& secretHash) {
  const store::Rows rows = session.query(
      "SELECT g.id, g.user_id, g.client_id, t.secret_hash FROM oauth_tokens t"
      " JOIN oauth_grants g ON g.id = t.grant_id WHERE t.id = ?",
      {tokenId});
  if (rows.empty() || !auth::constantTimeEquals(rows[0].text(3), secretHash)) return std::nullopt;
  return OAuthTokenOwner{rows[0].text(0), rows[0].text(1), rows[0].text(2)};
}

bool revokeGrant(store::Session& session, const std::string& grantId, UnixMillis at,
                 const std::string& reason) {
  return session.execute(
             "UPDATE oauth_grants SET revoked_at = ?, revoked_reason = ?"
             " WHERE id = ? AND revoked_at IS NULL",
             {at, reason, grantId}) > 0;
}

}  // namespace tessera::auth
