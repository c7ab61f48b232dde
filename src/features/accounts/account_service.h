// The rules of accounts: sign-up (optionally closed by the operator, except
// for the very first user), sign-in with per-account and per-IP attempt
// limits and one answer for every wrong email or password, sign-out.
#pragma once

#include <optional>

#include <string>

#include "auth/attempt_limiter.h"
#include "auth/session_store.h"
#include "features/users/user_store.h"
#include "store/database.h"

namespace tessera::features {

struct SignInLimits {
  std::size_t failuresPerAccount = 5;
  std::size_t failuresPerIp = 30;
  std::chrono::seconds window{15 * 60};
};

// A change of the signed-in user's own account: the fields given change.
// A new email needs the current password (it is how the account is found
// at sign-in, and how a stolen session would take the account over).
struct ProfileChange {
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::string currentPassword;
};

struct ServerSetup {
  bool fresh;
  bool signupOpen;
};

struct SignedIn {
  User user;
  auth::IssuedSession session;
};

class AccountService {
 public:
  AccountService(store::Database& database, auth::SessionStore& sessions, bool signupOpen,
                 SignInLimits limits);

  // Creates the account, and makes it a collaborator wherever an e-mail
  // invitation for its address waits and where `invitationCode` (a link's
  // code; empty: none) invites. When sign-up is closed, only someone so
  // invited may sign up. Throws ApiError 400 (bad fields), 403
  // signup_disabled, 404 invitation_not_found, 410 invitation_expired, 409
  // email_taken.
  SignedIn signUp(NewUser user, const std::string& invitationCode);
  // Throws ApiError 401 invalid_credentials or 429 too_many_attempts.
  SignedIn signIn(const std::string& email, const std::string& password,
                  const std::string& clientIp);
  void signOut(const std::string& sessionSecretHash);
  // What the sign-in page needs before anyone signs in: whether this is a
  // fresh server (no account yet: its first visitor creates one, and
  // becomes its administrator) and whether sign-up is open. Refuses nothing.
  ServerSetup setup();
  User currentUser(const std::string& userId);
  // Returns the user as changed. Refuses 400 (a bad name or email, or an
  // email without currentPassword), 403 wrong_password, 409 email_taken,
  // 429 too_many_attempts (wrong current passwords count as failed
  // sign-ins of the account).
  User changeProfile(const std::string& userId, ProfileChange change);
  // Sets a new password and ends every other browser session of the user
  // (the one given stays); tokens keep working. Refuses 400 (too short),
  // 403 wrong_password, 429 too_many_attempts.
  void changePassword(const std::string& userId, const std::string& keepSessionHash,
                      const std::string& currentPassword, const std::string& newPassword);

 private:
  store::Database& database_;
  auth::SessionStore& sessions_;
  const bool signupOpen_;
  auth::AttemptLimiter accountFailures_;
  auth::AttemptLimiter ipFailures_;

  // Throws 429 or 403 wrong_password unless `password` is the user's.
  void checkCurrentPassword(const User& user, const std::string& password);
};

}  // namespace tessera::features
