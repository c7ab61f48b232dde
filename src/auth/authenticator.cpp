#include "auth/authenticator.h"

#include "auth/digest.h"
#include "common/ascii.h"
#include "http/api_error.h"

namespace tessera::auth {
namespace {

http::ApiError invalidToken(const std::string& message) {
  return http::ApiError(401, "token_malformed", message)
      .withHeader("WWW-Authenticate", "Bearer realm=\"tessera\", error=\"invalid_token\"");
}

bool changesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

}  // namespace

std::variant<std::string_view, http::ApiError> Authenticator::bearerToken(
    const http::Request& request) const {
  const std::string_view value = request.header("authorization");
  if (!startsWithIgnoringAsciiCase(value, "Bearer ")) {
    return invalidToken("Only 'Authorization: Bearer <personal access token>' is supported.");
  }
  std::string_view token = value.substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (auto wait = badTokens_.blockedFor(request.clientIp)) {
    return http::tooManyRequests("too_many_requests",
                                 "Too many requests with invalid tokens from this address.", *wait);
  }
  return token;
}

std::optional<http::ApiError> Authenticator::refuseWithoutLookup(
    const http::Request& request) const {
  if (!request.hasHeader("authorization")) return std::nullopt;
  auto token = bearerToken(request);
  if (auto* refusal = std::get_if<http::ApiError>(&token)) return std::move(*refusal);
  auto refusal = tokens_.refuseByShape(std::get<std::string_view>(token), request);
  if (refusal) badTokens_.recordFailure(request.clientIp);
  return refusal;
}

std::variant<std::monostate, Authentication, http::ApiError> Authenticator::authenticate(
    const http::Request& request, DeadSession deadSession) const {
  if (request.hasHeader("authorization")) {
    auto token = bearerToken(request);
    if (auto* refusal = std::get_if<http::ApiError>(&token)) return std::move(*refusal);
    auto verified = tokens_.verify(std::get<std::string_view>(token), request);
    if (auto* principal = std::get_if<access::Principal>(&verified)) {
      return Authentication{std::move(*principal), std::nullopt};
    }
    badTokens_.recordFailure(request.clientIp);
    return std::get<http::ApiError>(std::move(verified));
  }
  const auto secret = request.cookie(kSessionCookie);
  if (!secret) return std::monostate{};
  auto session = sessions_.find(*secret);
  if (!session) {
    if (deadSession == DeadSession::Ignore) return std::monostate{};
    return http::ApiError(401, "session_expired",
                          "Your session has expired. Please sign in again.");
  }
  Authentication authentication;
  authentication.principal.userId = session->userId;
  authentication.principal.isInstanceAdmin = session->userIsAdmin;
  authentication.browserSession = std::move(session);
  return authentication;
}

std::optional<http::ApiError> Authenticator::checkCsrf(const http::Request& request,
                                                       const Authentication& authentication) const {
  if (!authentication.browserSession || !changesState(request.method)) return std::nullopt;
  const std::string_view header = request.header(kCsrfHeader);
  const auto cookie = request.cookie(kCsrfCookie);
  if (header.empty() || !cookie || !constantTimeEquals(header, *cookie) ||
      !constantTimeEquals(sha256Hex(header), authentication.browserSession->csrfHash)) {
    return http::forbidden("csrf_failed",
                           "This request needs the X-CSRF-Token header, equal to the "
                           "tessera_csrf cookie set at sign-in.");
  }
  return std::nullopt;
}

}  // namespace tessera::auth
