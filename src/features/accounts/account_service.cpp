#include "features/accounts/account_service.h"

#include "auth/password.h"
#include "features/invitations/invitation_service.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

http::ApiError tooManyAttempts(std::chrono::seconds wait) {
  return http::tooManyRequests("too_many_attempts", "Too many failed sign-in attempts.", wait);
}

}  // namespace

AccountService::AccountService(store::Database& database, auth::SessionStore& sessions,
                               bool signupOpen, SignInLimits limits)
    : database_(database),
      sessions_(sessions),
      signupOpen_(signupOpen),
      accountFailures_(limits.failuresPerAccount, limits.window),
      ipFailures_(limits.failuresPerIp, limits.window) {}

SignedIn AccountService::signUp(NewUser user, const std::string& invitationCode) {
  validateNewUser(user);
  const std::string passwordHash = auth::hashPassword(user.password);
  return database_.write([&](store::Session& session) {
    const bool invited = invitedToSignUp(session, emailKey(user.email), invitationCode);
    if (!signupOpen_ && !invited && anyUserExists(session)) {
      throw http::forbidden("signup_disabled",
                            "Sign-up is closed on this server. Ask an administrator for an "
                            "account, or a collaborator for an invitation.");
    }
    User created = insertUser(session, user, passwordHash);
    joinOnSignUp(session, created, invitationCode);
    auth::IssuedSession issued = sessions_.create(session, created.id);
    return SignedIn{std::move(created), std::move(issued)};
  });
}

ServerSetup AccountService::setup() {
  const bool fresh =
      database_.read([](store::Session& session) { return !anyUserExists(session); });
  return {fresh, signupOpen_ || fresh};
}

SignedIn AccountService::signIn(const std::string& email, const std::string& password,
                                const std::string& clientIp) {
  const std::string accountKey = emailKey(email);
  const std::string ipKey = clientIp;
  // Each attempt is counted before the password is hashed, and taken back
  // when it succeeds: attempts arriving together cannot all pass the check
  // while the first of them is still hashing.
  if (auto wait = ipFailures_.admitAttempt(ipKey)) throw tooManyAttempts(*wait);
  if (auto wait = accountFailures_.admitAttempt(accountKey)) {
    ipFailures_.forgiveAttempt(ipKey);
    throw tooManyAttempts(*wait);
  }

  auto user =
      database_.read([&](store::Session& session) { return findUserByEmail(session, accountKey); });
  const bool valid = user ? auth::verifyPassword(user->passwordHash, password)
                          : (auth::verifyAgainstDummy(password), false);
  if (!valid) throw http::ApiError(401, "invalid_credentials", "Email or password is incorrect.");
  accountFailures_.clear(accountKey);
  ipFailures_.forgiveAttempt(ipKey);
  if (user->disabled) {
    throw http::forbidden("account_disabled",
                          "This account is disabled. Ask an administrator of this server.");
  }
  auth::IssuedSession issued =
      database_.write([&](store::Session& session) { return sessions_.create(session, user->id); });
  return SignedIn{std::move(*user), std::move(issued)};
}

void AccountService::signOut(const std::string& sessionSecretHash) {
  sessions_.revoke(sessionSecretHash);
}

User AccountService::currentUser(const std::string& userId) {
  auto user =
      database_.read([&](store::Session& session) { return findUserById(session, userId); });
  if (!user) throw http::ApiError(401, "session_expired", "Your account no longer exists.");
  return *user;
}

void AccountService::checkCurrentPassword(const User& user, const std::string& password) {
  const std::string accountKey = emailKey(user.email);
  if (auto wait = accountFailures_.admitAttempt(accountKey)) throw tooManyAttempts(*wait);
  if (!auth::verifyPassword(user.passwordHash, password)) {
    throw http::forbidden("wrong_password", "The current password is not correct.");
  }
  accountFailures_.forgiveAttempt(accountKey);
}

User AccountService::changeProfile(const std::string& userId, ProfileChange change) {
  User user = currentUser(userId);
  if (change.name) {
    validateName(*change.name);
    user.name = *change.name;
  }
  if (change.email) {
    validateEmail(*change.email);
    if (emailKey(*change.email) != emailKey(user.email)) {
      if (change.currentPassword.empty()) {
        throw http::badRequest("missing_field",
                               "Changing the email needs the current password "
                               "('currentPassword').");
      }
      checkCurrentPassword(user, change.currentPassword);
    }
    user.email = *change.email;
  }
  database_.write(
      [&](store::Session& session) { updateUserProfile(session, user.id, user.name, user.email); });
  return user;
}

void AccountService::changePassword(const std::string& userId, const std::string& keepSessionHash,
                                    const std::string& currentPassword,
                                    const std::string& newPassword) {
  const User user = currentUser(userId);
  validatePassword(newPassword);
  checkCurrentPassword(user, currentPassword);
  const std::string hash = auth::hashPassword(newPassword);
  database_.write(
      [&](store::Session& session) { setUserPassword(session, user.id, hash, keepSessionHash); });
}

}  // namespace tessera::features
