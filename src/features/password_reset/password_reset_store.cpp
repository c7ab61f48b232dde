#include "features/password_reset/password_reset_store.h"

namespace tessera::features {

void insertPasswordReset(store::Session& session, const std::string& secretHash,
                         const std::string& userId, UnixMillis createdAt, UnixMillis expiresAt) {
  session.execute(
      "INSERT INTO password_resets (secret_hash, user_id, created_at, expires_at) VALUES (?, ?, "
      "?, ?)",
      {secretHash, userId, createdAt, expiresAt});
}

std::optional<std::string> findPasswordResetUser(store::Session& session,
                                                 const std::string& secretHash, UnixMillis now) {
  const store::Rows rows =
      session.query("SELECT user_id FROM password_resets WHERE secret_hash = ? AND expires_at > ?",
                    {secretHash, now});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

void deletePasswordResets(store::Session& session, const std::string& userId) {
  session.execute("DELETE FROM password_resets WHERE user_id = ?", {userId});
}

}  // namespace tessera::features
