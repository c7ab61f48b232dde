// Browser sessions: a random 256-bit secret in an HttpOnly cookie, stored
// only as its SHA-256 digest, with an idle expiry and an absolute one. Each
// session also has a CSRF token (double-submit cookie, bound to the session
// by its digest).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::auth {

struct SessionPolicy {
  std::chrono::seconds idleTimeout{std::chrono::hours(24 * 7)};
  std::chrono::seconds lifetime{std::chrono::hours(24 * 30)};
};

struct BrowserSession {
  std::string secretHash;
  std::string csrfHash;
  std::string userId;
  bool userIsAdmin = false;
};

// What the client receives once, at sign-in.
struct IssuedSession {
  std::string secret;
  std::string csrfToken;
  std::int64_t lifetimeSeconds;
};

class SessionStore {
 public:
  SessionStore(store::Database& database, SessionPolicy policy);

  // Creates a session for `userId` inside the caller's write transaction.
  IssuedSession create(store::Session& session, const std::string& userId) const;

  // The live session whose secret is `secret`; nullopt when unknown,
  // idle too long or past its lifetime. Records activity at most once a
  // minute, so reads do not turn into writes.
  std::optional<BrowserSession> find(const std::string& secret) const;

  void revoke(const std::string& secretHash) const;

 private:
  store::Database& database_;
  SessionPolicy policy_;
};

}  // namespace tessera::auth
