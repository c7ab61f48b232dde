// "Forgot password" by e-mail: a person asks for a link for their address;
// if an account uses it, a link valid for 30 minutes and once is mailed to
// it. Opening it sets a new password and ends every browser session of the
// account (tokens keep working). The answer to the request is the same
// whether an account exists or not. Without a mail server there is no
// e-mail to send: an administrator runs `tessera user reset-password`.
#pragma once

#include <chrono>
#include <string>

#include "auth/attempt_limiter.h"
#include "mail/mail_queue.h"
#include "store/database.h"

namespace tessera::features {

class PasswordResetService {
 public:
  // `mail` is nullptr when no mail server is configured. `publicUrl` is
  // where users reach the server (links point there).
  PasswordResetService(store::Database& database, mail::MailQueue* mail, std::string publicUrl);

  bool available() const { return mail_ != nullptr; }

  // Mails a reset link if an active account uses `email`. Refuses ApiError
  // 409 mail_not_configured; 429 too_many_attempts (3 links per address
  // and 20 requests per client address in 15 minutes).
  void requestLink(const std::string& email, const std::string& clientIp);
  // Sets `newPassword` for the link's account, ends all its browser
  // sessions and every reset link it has. Refuses 400 (a short password),
  // 400 invalid_reset_link (unknown, used or expired).
  void resetPassword(const std::string& secret, const std::string& newPassword);

 private:
  store::Database& database_;
  mail::MailQueue* mail_;
  const std::string publicUrl_;
  auth::AttemptLimiter perAddress_;
  auth::AttemptLimiter perClient_;
};

}  // namespace tessera::features
