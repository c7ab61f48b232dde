// Password reset links as stored: the password_resets table, one row per
// link handed out, found by the SHA-256 digest of its secret.
#pragma once

#include <optional>
#include <string>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

void insertPasswordReset(store::Session& session, const std::string& secretHash,
                         const std::string& userId, UnixMillis createdAt, UnixMillis expiresAt);
// The user a reset link is for, if the link exists and has not expired.
std::optional<std::string> findPasswordResetUser(store::Session& session,
                                                 const std::string& secretHash, UnixMillis now);
// Every link of the user goes: one was used, or the password changed.
void deletePasswordResets(store::Session& session, const std::string& userId);

}  // namespace tessera::features
