#include "auth/session_store.h"

#include "auth/digest.h"
#include "common/random.h"

namespace tessera::auth {
namespace {

constexpr std::size_t kSecretChars = 43;  // 43 base62 characters > 256 bits
constexpr UnixMillis kActivityResolutionMillis = 60 * 1000;

UnixMillis toMillis(std::chrono::seconds duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

}  // namespace

SessionStore::SessionStore(store::Database& database, SessionPolicy policy)
    : database_(database), policy_(policy) {}

IssuedSession SessionStore::create(store::Session& session, const std::string& userId) const {
  IssuedSession issued{randomBase62(kSecretChars), randomBase62(kSecretChars),
                       policy_.lifetime.count()};
  const UnixMillis now = nowMillis();
  session.execute(
      "INSERT INTO browser_sessions (secret_hash, csrf_hash, user_id, created_at, last_seen_at,"
      " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {sha256Hex(issued.secret), sha256Hex(issued.csrfToken), userId, now, now,
       now + toMillis(policy_.lifetime)});
  return issued;
}

std::optional<BrowserSession> SessionStore::find(const std::string& secret) const {
  if (secret.size() != kSecretChars) return std::nullopt;
  const std::string secretHash = sha256Hex(secret);
  const store::Rows rows = database_.read([&](store::Session& session) {
    return session.query(
        "SELECT s.csrf_hash, s.user_id, u.is_admin, s.last_seen_at, s.expires_at"
        " FROM browser_sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.secret_hash = ? AND u.disabled_at IS NULL",
        {secretHash});
  });
  if (rows.empty()) return std::nullopt;
  const store::Row& row = rows[0];
  const UnixMillis now = nowMillis();
  const UnixMillis lastSeen = row.integer(3);
  if (now >= row.integer(4) || now >= lastSeen + toMillis(policy_.idleTimeout)) {
    revoke(secretHash);
    return std::nullopt;
  }
  if (now - lastSeen >= kActivityResolutionMillis) {
    database_.write([&](store::Session& session) {
      session.execute("UPDATE browser_sessions SET last_seen_at = ? WHERE secret_hash = ?",
                      {now, secretHash});
    });
  }
  return BrowserSession{secretHash, row.text(0), row.text(1), row.integer(2) != 0};
}

void SessionStore::revoke(const std::string& secretHash) const {
  database_.write([&](store::Session& session) {
    session.execute("DELETE FROM browser_sessions WHERE secret_hash = ?", {secretHash});
  });
}

}  // namespace tessera::auth
