// The rules of accounts: sign-up (optionally closed by the operator, except
// for the very first user), sign-in with per-account and per-IP attempt
// limits and one answer for every wrong email or password, sign-out.
#pragma once

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

  // Throws ApiError 400 (bad fields), 403 signup_disabled, 409 email_taken.
  SignedIn signUp(NewUser user);
  // Throws ApiError 401 invalid_credentials or 429 too_many_attempts.
  SignedIn signIn(const std::string& email, const std::string& password,
                  const std::string& clientIp);
  void signOut(const std::string& sessionSecretHash);
  // What the sign-in page needs before anyone signs in: whether this is a
  // fresh server (no account yet: its first visitor creates one, and
  // becomes its administrator) and whether sign-up is open. Refuses nothing.
  ServerSetup setup();
  User currentUser(const std::string& userId);

 private:
  store::Database& database_;
  auth::SessionStore& sessions_;
  const bool signupOpen_;
  auth::AttemptLimiter accountFailures_;
  auth::AttemptLimiter ipFailures_;
};

}  // namespace tessera::features
