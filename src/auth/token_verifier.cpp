#include "auth/token_verifier.h"

#include "auth/digest.h"
#include "auth/token_format.h"
#include "features/tokens/token_store.h"
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
    store::Rows token;
    bool retired = false;
  };
  const Found found = database_.read([&](store::Session& session) {
    Found result;
    result.token = session.query(
        "SELECT t.user_id, t.name, t.scopes, t.space_ids, t.base_ids, t.secret_hash,"
        " t.expires_at, t.revoked_at, u.is_admin, u.disabled_at"
        " FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?",
        {parsed->id});
    if (!result.token.empty() && !constantTimeEquals(result.token[0].text(5), secretHash)) {
      result.retired = !session
                            .query(
                                "SELECT 1 FROM access_token_retired_secrets"
                                " WHERE secret_hash = ? AND token_id = ?",
                                {secretHash, parsed->id})
                            .empty();
    }
    return result;
  });
  const bool current =
      !found.token.empty() && constantTimeEquals(found.token[0].text(5), secretHash);
  if (!current && !found.retired) {
    return refuse(
        value, request, "", "token_unknown",
        "This token is not known to this server. It may be mistyped, or belong to another "
        "Tessera server.");
  }
  const store::Row& row = found.token[0];
  const std::string userId = row.text(0);
  if (const auto revoked = row.optionalInteger(7)) {
    return refuse(value, request, userId, "token_revoked",
                  "This token was deleted on " + day(*revoked) +
                      ". Create a new one in Settings › Personal Access Token.");
  }
  if (!row.isNull(9)) {
    return refuse(
        value, request, userId, "token_revoked",
        "The account this token belongs to has been disabled, so its tokens no longer work.");
  }
  if (!current) {
    return refuse(
        value, request, userId, "token_refreshed",
        "This token was refreshed, so this old value no longer works. Use the new value shown "
        "when it was refreshed, or refresh it again in Settings › Personal Access Token.");
  }
  const auto expiresAt = row.optionalInteger(6);
  if (expiresAt && nowMillis() >= *expiresAt) {
    return refuse(value, request, userId, "token_expired",
                  "This token expired on " + day(*expiresAt) +
                      "; refresh it in Settings › Personal Access Token.");
  }
  access::TokenGrant grant;
  grant.id = parsed->id;
  grant.name = row.text(1);
  grant.scopeNames = features::parseStringList(row.text(2));
  grant.scopes = access::ScopeSet::fromNames(grant.scopeNames);
  grant.spaceIds = features::parseStringList(row.text(3));
  grant.baseIds = features::parseStringList(row.text(4));
  grant.expiresAt = expiresAt;
  access::Principal principal{userId, row.integer(8) != 0, std::move(grant)};
  if (generation) cache_.store(parsed->id, {secretHash, principal}, *generation);
  lastUsed_.record(parsed->id, request.clientIp);
  return principal;
}

}  // namespace tessera::auth
