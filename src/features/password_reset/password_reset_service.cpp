#include "features/password_reset/password_reset_service.h"

#include "auth/password.h"
#include "features/link_secret.h"
#include "features/password_reset/password_reset_store.h"
#include "features/users/user_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

constexpr UnixMillis kLinkLifetime = 30 * 60 * 1000;
constexpr std::chrono::seconds kLimitWindow{15 * 60};

mail::MailMessage resetMail(const User& user, const std::string& link) {
  return {user.email, "Reset your Tessera password",
          "Hello " + user.name +
              ",\n\n"
              "Someone (we hope you) asked to reset the password of the Tessera account\n" +
              user.email + ". To choose a new password, open this link within 30 minutes:\n\n" +
              link +
              "\n\n"
              "It works once. If you did not ask for it, ignore this e-mail: your password\n"
              "stays as it is.\n"};
}

void throwIfBlocked(auth::AttemptLimiter& limiter, const std::string& key) {
  if (auto wait = limiter.admitAttempt(key)) {
    throw http::tooManyRequests("too_many_attempts", "Too many password reset requests.", *wait);
  }
}

}  // namespace

PasswordResetService::PasswordResetService(store::Database& database, mail::MailQueue* mail,
                                           std::string publicUrl)
    : database_(database),
      mail_(mail),
      publicUrl_(publicUrl.ends_with('/') ? publicUrl.substr(0, publicUrl.size() - 1) : publicUrl),
      perAddress_(3, kLimitWindow),
      perClient_(20, kLimitWindow) {}

void PasswordResetService::requestLink(const std::string& email, const std::string& clientIp) {
  if (!mail_) {
    throw http::conflict("mail_not_configured",
                         "This server does not send e-mail. Ask an administrator to reset your "
                         "password (tessera user reset-password).");
  }
  std::string address = email;
  validateEmail(address);
  throwIfBlocked(perClient_, clientIp);
  throwIfBlocked(perAddress_, emailKey(address));
  const std::string secret = newLinkSecret(kPasswordResetPrefix);
  const auto user = database_.write([&](store::Session& session) -> std::optional<User> {
    auto found = findUserByEmail(session, address);
    if (!found || found->disabled) return std::nullopt;
    const UnixMillis now = nowMillis();
    insertPasswordReset(session, linkSecretDigest(kPasswordResetPrefix, secret).value(), found->id,
                        now, now + kLinkLifetime);
    return found;
  });
  if (user) mail_->enqueue(resetMail(*user, publicUrl_ + "/reset-password#" + secret));
}

void PasswordResetService::resetPassword(const std::string& secret,
                                         const std::string& newPassword) {
  validatePassword(newPassword);
  const auto digest = linkSecretDigest(kPasswordResetPrefix, secret);
  const std::string passwordHash = auth::hashPassword(newPassword);
  database_.write([&](store::Session& session) {
    const auto userId =
        digest ? findPasswordResetUser(session, *digest, nowMillis()) : std::nullopt;
    if (!userId) {
      throw http::badRequest("invalid_reset_link",
                             "This password reset link is not valid: links work once and for 30 "
                             "minutes. Ask for a new one.");
    }
    setUserPassword(session, *userId, passwordHash, "");
    deletePasswordResets(session, *userId);
  });
}

}  // namespace tessera::features
