#include "features/tokens/token_store.h"

#include <boost/json/array.hpp>

#include "auth/token_format.h"
#include "store/string_list.h"

namespace tessera::features {
namespace {

constexpr const char* kColumns =
    "id, user_id, name, description, scopes, space_ids, base_ids, created_at, lifetime_ms,"
    " expires_at, last_used_at, last_used_ip";

TokenRecord fromRow(const store::Row& row) {
  return TokenRecord{row.text(0),
                     row.text(1),
                     row.text(2),
                     row.text(3),
                     store::decodeStringList(row.text(4)),
                     store::decodeStringList(row.text(5)),
                     store::decodeStringList(row.text(6)),
                     row.integer(7),
                     row.optionalInteger(8),
                     row.optionalInteger(9),
                     row.optionalInteger(10),
                     row.optionalText(11).value_or("")};
}

}  // namespace

boost::json::array namedResources(store::Session& session, const std::string& table,
                                  const std::vector<std::string>& ids) {
  boost::json::array items;
  for (const std::string& id : ids) {
    const store::Rows rows = session.query("SELECT name FROM " + table + " WHERE id = ?", {id});
    items.push_back(
        boost::json::object{{"id", id},
                            {"name", rows.empty() ? boost::json::value(nullptr)
                                                  : boost::json::value(rows[0].text(0))}});
  }
  return items;
}

boost::json::value optionalTime(const std::optional<UnixMillis>& millis) {
  return millis ? boost::json::value(formatRfc3339(*millis)) : boost::json::value(nullptr);
}

std::optional<TokenRecord> loadToken(store::Session& session, const std::string& userId,
                                     const std::string& tokenId) {
  const store::Rows rows =
      session.query(std::string("SELECT ") + kColumns +
                        " FROM access_tokens WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                    {tokenId, userId});
  if (rows.empty()) return std::nullopt;
  return fromRow(rows[0]);
}

std::vector<TokenRecord> loadTokens(store::Session& session, const std::string& userId) {
  std::vector<TokenRecord> tokens;
  for (const store::Row& row :
       session.query(std::string("SELECT ") + kColumns +
                         " FROM access_tokens WHERE user_id = ? AND revoked_at IS NULL"
                         " ORDER BY created_at DESC, id",
                     {userId})) {
    tokens.push_back(fromRow(row));
  }
  return tokens;
}

bool tokenBelongsTo(store::Session& session, const std::string& tokenId,
                    const std::string& userId) {
  return !session
              .query("SELECT 1 FROM access_tokens WHERE id = ? AND user_id = ?", {tokenId, userId})
              .empty();
}

std::optional<std::string> liveTokenOwner(store::Session& session, const std::string& tokenId,
                                          const std::string& secretHash) {
  const store::Rows rows = session.query(
      "SELECT user_id FROM access_tokens WHERE id = ? AND secret_hash = ? AND revoked_at IS NULL",
      {tokenId, secretHash});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

void insertToken(store::Session& session, const TokenRecord& token, const std::string& secretHash) {
  const auto optional = [](const std::optional<std::int64_t>& value) {
    return value ? store::SqlValue(*value) : store::SqlValue(nullptr);
  };
  session.execute(
      "INSERT INTO access_tokens (id, user_id, name, description, scopes, space_ids, base_ids,"
      " secret_hash, created_at, updated_at, lifetime_ms, expires_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {token.id, token.userId, token.name, token.description, store::encodeStringList(token.scopes),
       store::encodeStringList(token.spaceIds), store::encodeStringList(token.baseIds), secretHash,
       token.createdAt, token.createdAt, optional(token.lifetimeMillis),
       optional(token.expiresAt)});
}

void updateTokenMetadata(store::Session& session, const TokenRecord& token) {
  session.execute(
      "UPDATE access_tokens SET name = ?, description = ?, scopes = ?, space_ids = ?,"
      " base_ids = ?, updated_at = ? WHERE id = ?",
      {token.name, token.description, store::encodeStringList(token.scopes),
       store::encodeStringList(token.spaceIds), store::encodeStringList(token.baseIds), nowMillis(),
       token.id});
}

void replaceTokenSecret(store::Session& session, const TokenRecord& token,
                        const std::string& secretHash) {
  const UnixMillis now = nowMillis();
  session.execute(
      "INSERT INTO access_token_retired_secrets (secret_hash, token_id, retired_at)"
      " SELECT secret_hash, id, ? FROM access_tokens WHERE id = ?",
      {now, token.id});
  session.execute(
      "UPDATE access_tokens SET secret_hash = ?, expires_at = ?, lifetime_ms = ?, updated_at = ?"
      " WHERE id = ?",
      {secretHash, token.expiresAt ? store::SqlValue(*token.expiresAt) : store::SqlValue(nullptr),
       token.lifetimeMillis ? store::SqlValue(*token.lifetimeMillis) : store::SqlValue(nullptr),
       now, token.id});
}

void revokeToken(store::Session& session, const std::string& tokenId) {
  session.execute("UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                  {nowMillis(), tokenId});
}

boost::json::value tokenToJson(store::Session& session, const TokenRecord& token,
                               const auth::LastUsedTracker& lastUsed) {
  std::optional<UnixMillis> lastUsedAt = token.lastUsedAt;
  std::string lastUsedIp = token.lastUsedIp;
  if (const auto pending = lastUsed.pending(token.id);
      pending && (!lastUsedAt || pending->at > *lastUsedAt)) {
    lastUsedAt = pending->at;
    lastUsedIp = pending->ip;
  }
  boost::json::array scopes, spaceIds, baseIds;
  for (const auto& s : token.scopes) scopes.emplace_back(s);
  for (const auto& s : token.spaceIds) spaceIds.emplace_back(s);
  for (const auto& s : token.baseIds) baseIds.emplace_back(s);
  return {{"id", token.id},
          // The value's public start, to tell tokens apart and match a
          // leaked value to its entry; the secret follows it.
          {"valuePrefix", std::string(auth::tokenPrefix(auth::TokenKind::Personal)) + token.id},
          {"name", token.name},
          {"description", token.description},
          {"scopes", std::move(scopes)},
          {"spaceIds", std::move(spaceIds)},
          {"baseIds", std::move(baseIds)},
          {"spaces", namedResources(session, "spaces", token.spaceIds)},
          {"bases", namedResources(session, "bases", token.baseIds)},
          {"createdAt", formatRfc3339(token.createdAt)},
          {"lastUsedAt", optionalTime(lastUsedAt)},
          {"lastUsedIp",
           lastUsedIp.empty() ? boost::json::value(nullptr) : boost::json::value(lastUsedIp)},
          {"expiresAt", optionalTime(token.expiresAt)},
          {"expired", token.expiresAt && nowMillis() >= *token.expiresAt}};
}

}  // namespace tessera::features
