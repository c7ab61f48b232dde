#include "auth/token_verifier.h"

#include "auth/credential_store.h"
#include "auth/digest.h"
#include "auth/token_format.h"
#include "http/api_error.h"

namespace tessera::auth {
namespace {

std::string day(UnixMillis millis) { return formatRfc3339(millis).substr(0, 10); }

}  // namespace

http::ApiError TokenVerifier::refuse(std::string_view value, const http::Request& request,
                                     const std::string& userId, const std::string& code,
                                     const std::string& message) const {
  audit_.recordLater({"token.auth_failed",
                      userId,
                      tokenIdForAudit(value),
                      request.clientIp,
                      std::string(request.header("user-agent")),
                      {{"reason", code}}});
  return http::ApiError(401, code, message)
      .withHeader("WWW-Authenticate",
                  "Bearer realm=\"tessera\", error=\"invalid_token\", "
                  "error_description=\"" +
                      message + "\"");
}

std::optional<access::Principal> TokenVerifier::fromCache(const std::string& tokenId,
                                                          const std::string& secretHash,
                                                          std::uint64_t generation) const {
  auto cached = cache_.find(tokenId, generation);
  if (!cached || !constantTimeEquals(cached->secretHash, secretHash)) return std::nullopt;
  const auto& expiresAt = cached->principal.token->expiresAt;
  if (expiresAt && nowMillis() >= *expiresAt) return std::nullopt;  // refused below, from the store
  return std::move(cached->principal);
}

std::variant<access::Principal, http::ApiError> TokenVerifier::verify(
    std::string_view value, const http::Request& request) const {
  const auto parsed = parseToken(value);
  if (!parsed) {
    return refuse(
        value, request, "", "token_malformed",
        "This is not a valid Tessera personal access token (tsr_pat_ followed by 50 letters "
        "and digits). Check that it was copied whole.");
  }
  const std::string secretHash = sha256Hex(parsed->secret);
  const auto generation = database_.writeGeneration();
  if (generation) {
    if (auto principal = fromCache(parsed->id, secretHash, *generation)) {
      lastUsed_.record(parsed->id, request.clientIp);
      return std::move(*principal);
    }
  }
  struct Found {
    std::optional<StoredCredential> token;
    bool retired = false;
  };
  Found found = database_.read([&](store::Session& session) {
    Found result{loadCredential(session, parsed->id), false};
    if (result.token && !constantTimeEquals(result.token->secretHash, secretHash)) {
      result.retired = isRetiredSecret(session, parsed->id, secretHash);
    }
    return result;
  });
  const bool current = found.token && constantTimeEquals(found.token->secretHash, secretHash);
  if (!current && !found.retired) {
    return refuse(
        value, request, "", "token_unknown",
        "This token is not known to this server. It may be mistyped, or belong to another "
        "Tessera server.");
  }
  StoredCredential& token = *found.token;
  if (token.revokedAt) {
    return refuse(value, request, token.userId, "token_revoked",
                  "This token was deleted on " + day(*token.revokedAt) +
                      ". Create a new one in Settings › Personal Access Token.");
  }
  if (token.userDisabled) {
    return refuse(
        value, request, token.userId, "token_revoked",
        "The account this token belongs to has been disabled, so its tokens no longer work.");
  }
  if (!current) {
    return refuse(
        value, request, token.userId, "token_refreshed",
        "This token was refreshed, so this old value no longer works. Use the new value shown "
        "when it was refreshed, or refresh it again in Settings › Personal Access Token.");
  }
  if (token.expiresAt && nowMillis() >= *token.expiresAt) {
    return refuse(value, request, token.userId, "token_expired",
                  "This token expired on " + day(*token.expiresAt) +
                      "; refresh it in Settings › Personal Access Token.");
  }
  access::TokenGrant grant;
  grant.id = parsed->id;
  grant.name = std::move(token.name);
  grant.scopeNames = std::move(token.scopes);
  grant.scopes = access::ScopeSet::fromNames(grant.scopeNames);
  grant.spaceIds = std::move(token.spaceIds);
  grant.baseIds = std::move(token.baseIds);
  grant.expiresAt = token.expiresAt;
  access::Principal principal{token.userId, token.userIsAdmin, std::move(grant)};
  if (generation) cache_.store(parsed->id, {secretHash, principal}, *generation);
  lastUsed_.record(parsed->id, request.clientIp);
  return principal;
}

}  // namespace tessera::auth
