// Answers "who is asking?" for a request: a browser session cookie, or a
// bearer token in the Authorization header (which wins when both are sent).
// It also enforces the CSRF rule for cookie-authenticated state changes.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "access/principal.h"
#include "auth/attempt_limiter.h"
#include "auth/session_store.h"
#include "auth/token_verifier.h"
#include "http/api_error.h"
#include "http/request.h"

namespace tessera::auth {

inline constexpr std::string_view kSessionCookie = "tessera_session";
inline constexpr std::string_view kCsrfCookie = "tessera_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct Authentication {
  access::Principal principal;
  std::optional<BrowserSession> browserSession;  // set when a cookie authenticated
};

class Authenticator {
 public:
  // `badTokens` counts failed token authentications per client address;
  // an address over its allowance gets 429 before its token is looked at.
  Authenticator(const SessionStore& sessions, const TokenVerifier& tokens,
                AttemptLimiter& badTokens)
      : sessions_(sessions), tokens_(tokens), badTokens_(badTokens) {}

  // What a session cookie that is no longer valid (ended, expired, its
  // password changed elsewhere) means: a refusal, or, on a route anyone may
  // call (sign-in, sign-up), no credentials at all, so signing in again works.
  enum class DeadSession { Refuse, Ignore };

  // Nothing (std::monostate) when the request carries no credentials; the
  // refusal (ApiError 401, or 429 for an address sending too many bad
  // tokens) when it carries credentials that are not valid. Refusals are
  // returned rather than thrown: they are what a flood of bad tokens costs.
  std::variant<std::monostate, Authentication, http::ApiError> authenticate(
      const http::Request& request, DeadSession deadSession = DeadSession::Refuse) const;

  // authenticate()'s refusal when it needs no lookup: an Authorization
  // header that is not a bearer token, an address over its allowance of bad
  // tokens, a token refused by its shape. nullopt when authenticate() must
  // look the credentials up. Reads no store; counts a refusal like
  // authenticate() does.
  std::optional<http::ApiError> refuseWithoutLookup(const http::Request& request) const;

  // The refusal 403 csrf_failed for a cookie-authenticated request that
  // changes state without X-CSRF-Token equal to the tessera_csrf cookie and
  // to the token issued with its session; nullopt otherwise.
  std::optional<http::ApiError> checkCsrf(const http::Request& request,
                                          const Authentication& authentication) const;

 private:
  // The bearer token of the Authorization header, or the refusal of a
  // header that is not one or of an address sending too many bad tokens.
  std::variant<std::string_view, http::ApiError> bearerToken(const http::Request& request) const;

  const SessionStore& sessions_;
  const TokenVerifier& tokens_;
  AttemptLimiter& badTokens_;
};

}  // namespace tessera::auth
