#include "auth/token_verifier.h"

#include "auth/credential_store.h"
#include "auth/digest.h"
#include "auth/oauth_credential_store.h"
#include "auth/token_format.h"
#include "http/api_error.h"

namespace tessera::auth {
namespace {

std::string day(UnixMillis millis) { return formatRfc3339(millis).substr(0, 10); }

// What a verified token may do, as stored with it.
access::TokenGrant tokenGrant(std::string id, std::string name, std::vector<std::string> scopes,
                              std::vector<std::string> spaceIds, std::vector<std::string> baseIds,
                              std::optional<UnixMillis> expiresAt) {
  access::TokenGrant grant;
  grant.id = std::move(id);
  grant.name = std::move(name);
  grant.scopeNames = std::move(scopes);
  grant.scopes = access::ScopeSet::fromNames(grant.scopeNames);
  grant.spaceIds = std::move(spaceIds);
  grant.baseIds = std::move(baseIds);
  grant.expiresAt = expiresAt;
  return grant;
}

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

std::optional<TokenVerifier::Verified> TokenVerifier::fromCache(const std::string& tokenId,
                                                                const std::string& secretHash,
                                                                std::uint64_t generation) const {
  auto cached = cache_.find(tokenId, generation);
  if (!cached || !constantTimeEquals(cached->secretHash, secretHash)) return std::nullopt;
  const auto& expiresAt = cached->principal.token->expiresAt;
  if (expiresAt && nowMillis() >= *expiresAt) return std::nullopt;  // refused below, from the store
  return cached;
}

std::optional<http::ApiError> TokenVerifier::shapeRefusal(const std::optional<ParsedToken>& parsed,
                                                          std::string_view value,
                                                          const http::Request& request) const {
  if (!parsed) {
    return refuse(value, request, "", "token_malformed",
                  "This is not a valid Tessera token (tsr_pat_ for a personal access token, "
                  "tsr_oat_ for an OAuth access token, followed by 50 letters and digits). Check "
                  "that it was copied whole.");
  }
  switch (parsed->kind) {
    case TokenKind::Personal:
    case TokenKind::OAuthAccess:
      return std::nullopt;
    case TokenKind::OAuthRefresh:
      break;
  }
  return refuse(value, request, "", "token_wrong_kind",
                "This is an OAuth refresh token (tsr_ort_). Exchange it at /oauth/token for an "
                "access token (tsr_oat_), and send that.");
}

std::optional<http::ApiError> TokenVerifier::refuseByShape(std::string_view value,
                                                           const http::Request& request) const {
  return shapeRefusal(parseToken(value), value, request);
}

std::variant<access::Principal, http::ApiError> TokenVerifier::verify(
    std::string_view value, const http::Request& request) const {
  const auto parsed = parseToken(value);
  if (auto refusal = shapeRefusal(parsed, value, request)) return std::move(*refusal);
  if (parsed->kind == TokenKind::Personal) return verifyPersonal(*parsed, value, request);
  return verifyOAuthAccess(*parsed, value, request);
}

std::optional<http::ApiError> TokenVerifier::checkResource(
    const std::vector<std::string>& resources, std::string_view value, const http::Request& request,
    const std::string& userId) const {
  const std::string_view wanted = request.throughMcp ? kMcpResource : resourceOfPath(request.path);
  for (const std::string& resource : resources) {
    if (resource == wanted) return std::nullopt;
  }
  const bool mcp = wanted == kMcpResource;
  return refuse(value, request, userId, "token_wrong_resource",
                std::string("This OAuth access token was issued for ") +
                    (mcp ? "the REST API, not for /mcp" : "/mcp, not for the REST API") +
                    ". Ask for a token for this resource (the 'resource' parameter, RFC 8707).");
}

std::variant<access::Principal, http::ApiError> TokenVerifier::verifyOAuthAccess(
    const ParsedToken& parsed, std::string_view value, const http::Request& request) const {
  const std::string secretHash = sha256Hex(parsed.secret);
  const auto generation = database_.writeGeneration();
  if (generation) {
    if (auto cached = fromCache(parsed.id, secretHash, *generation)) {
      if (auto refusal =
              checkResource(cached->resources, value, request, cached->principal.userId)) {
        return std::move(*refusal);
      }
      lastUsed_.record(cached->principal.token->id, request.clientIp);
      return std::move(cached->principal);
    }
  }
  auto found = database_.read([&](store::Session& session) {
    return loadOAuthToken(session, parsed.id, TokenKind::OAuthAccess);
  });
  if (!found || !constantTimeEquals(found->secretHash, secretHash)) {
    return refuse(value, request, "", "token_unknown",
                  "This OAuth access token is not known to this server. It may be mistyped, or "
                  "belong to another Tessera server.");
  }
  StoredOAuthToken& token = *found;
  if (token.grantRevokedAt) {
    return refuse(value, request, token.userId, "token_revoked",
                  "Access for " + token.clientName + " was revoked on " +
                      day(*token.grantRevokedAt) + ". Connect the app again to give it access.");
  }
  if (token.userDisabled) {
    return refuse(
        value, request, token.userId, "token_revoked",
        "The account this token belongs to has been disabled, so its tokens no longer work.");
  }
  if (nowMillis() >= token.expiresAt) {
    return refuse(value, request, token.userId, "token_expired",
                  "This OAuth access token expired at " + formatRfc3339(token.expiresAt) +
                      "; get a new one with the refresh token.");
  }
  if (auto refusal = checkResource(token.resources, value, request, token.userId)) {
    return std::move(*refusal);
  }
  access::TokenGrant grant =
      tokenGrant(token.grantId, std::move(token.clientName), std::move(token.scopes),
                 std::move(token.spaceIds), std::move(token.baseIds), token.expiresAt);
  grant.clientId = std::move(token.clientId);
  access::Principal principal{token.userId, token.userIsAdmin, std::move(grant)};
  if (generation) {
    cache_.store(parsed.id, {secretHash, principal, std::move(token.resources)}, *generation);
  }
  lastUsed_.record(token.grantId, request.clientIp);
  return principal;
}

std::variant<access::Principal, http::ApiError> TokenVerifier::verifyPersonal(
    const ParsedToken& parsed, std::string_view value, const http::Request& request) const {
  const std::string secretHash = sha256Hex(parsed.secret);
  const auto generation = database_.writeGeneration();
  if (generation) {
    if (auto cached = fromCache(parsed.id, secretHash, *generation)) {
      lastUsed_.record(parsed.id, request.clientIp);
      return std::move(cached->principal);
    }
  }
  struct Found {
    std::optional<StoredCredential> token;
    bool retired = false;
  };
  Found found = database_.read([&](store::Session& session) {
    Found result{loadCredential(session, parsed.id), false};
    if (result.token && !constantTimeEquals(result.token->secretHash, secretHash)) {
      result.retired = isRetiredSecret(session, parsed.id, secretHash);
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
  access::TokenGrant grant =
      tokenGrant(parsed.id, std::move(token.name), std::move(token.scopes),
                 std::move(token.spaceIds), std::move(token.baseIds), token.expiresAt);
  access::Principal principal{token.userId, token.userIsAdmin, std::move(grant)};
  if (generation) cache_.store(parsed.id, {secretHash, principal, {}}, *generation);
  lastUsed_.record(parsed.id, request.clientIp);
  return principal;
}

}  // namespace tessera::auth
