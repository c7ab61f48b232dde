#include "auth/credential_store.h"

#include "auth/oauth_credential_store.h"
#include "common/utf8.h"
#include "http/client_address.h"
#include "store/string_list.h"

namespace tessera::auth {

std::optional<StoredCredential> loadCredential(store::Session& session,
                                               const std::string& tokenId) {
  const store::Rows rows = session.query(
      "SELECT t.user_id, t.name, t.scopes, t.space_ids, t.base_ids, t.secret_hash,"
      " t.expires_at, t.revoked_at, u.is_admin, u.disabled_at"
      " FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?",
      {tokenId});
  if (rows.empty()) return std::nullopt;
  const store::Row& row = rows[0];
  return StoredCredential{row.text(0),
                          row.text(1),
                          store::decodeStringList(row.text(2)),
                          store::decodeStringList(row.text(3)),
                          store::decodeStringList(row.text(4)),
                          row.text(5),
                          row.optionalInteger(6),
                          row.optionalInteger(7),
                          row.integer(8) != 0,
                          !row.isNull(9)};
}

bool isRetiredSecret(store::Session& session, const std::string& tokenId,
                     const std::string& secretHash) {
  return !session
              .query(
                  "SELECT 1 FROM access_token_retired_secrets WHERE secret_hash = ? AND token_id = "
                  "?",
                  {secretHash, tokenId})
              .empty();
}

void recordTokenUse(store::Session& session, const std::string& tokenId, UnixMillis at,
                    const std::string& ip) {
  const bool grant = tokenId.starts_with(kGrantIdPrefix);
  session.execute(std::string("UPDATE ") + (grant ? "oauth_grants" : "access_tokens") +
                      " SET last_used_at = ?, last_used_ip = ?"
                      " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                  {at, storableText(ip, http::kMaxClientAddressBytes), tokenId, at});
}

}  // namespace tessera::auth
