#include "features/tokens/token_service.h"

#include <boost/json/array.hpp>

#include "access/scopes.h"
#include "audit/audit_log.h"
#include "auth/digest.h"
#include "auth/oauth_credential_store.h"
#include "auth/token_format.h"
#include "common/clock.h"
#include "features/grant_resources.h"
#include "features/tokens/token_input.h"
#include "features/tokens/token_store.h"
#include "features/users/user_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// What an OAuth access token says of itself: its grant, from the
// principal the verifier built (the grant's row was just read).
boost::json::value oauthTokenToJson(const access::Principal& principal) {
  const access::TokenGrant& grant = *principal.token;
  const auto strings = [](const std::vector<std::string>& items) {
    boost::json::array array;
    for (const std::string& item : items) array.emplace_back(item);
    return array;
  };
  return {{"id", grant.id},
          {"kind", "oauth"},
          {"name", grant.name},
          {"clientId", grant.clientId},
          {"scopes", strings(grant.scopeNames)},
          {"spaceIds", strings(grant.spaceIds)},
          {"baseIds", strings(grant.baseIds)},
          {"expiresAt", optionalTime(grant.expiresAt)},
          {"active", true},
          {"userId", principal.userId}};
}

boost::json::value withValue(boost::json::value json, const std::string& value) {
  json.as_object()["token"] = value;
  return json;
}

}  // namespace

TokenService::TokenService(store::Database& database, auth::LastUsedTracker& lastUsed,
                           audit::AuditLog& audit, TokenPolicy policy)
    : database_(database),
      lastUsed_(lastUsed),
      audit_(audit),
      policy_(policy),
      leakReports_(policy.leakReportsPerMinute, std::chrono::seconds(60)) {}

namespace {

// Sets the token's expiry as asked (Unsaid counts as Never): never, when
// the operator allows tokens that never expire, or a time in the future
// within the maximum lifetime.
void applyExpiry(TokenRecord& token, const ExpiryInput& expiry, const TokenPolicy& policy,
                 UnixMillis now) {
  switch (expiry.kind) {
    case ExpiryInput::Kind::Unsaid:
    case ExpiryInput::Kind::Never:
      if (!policy.allowNonExpiring) {
        throw http::badRequest("invalid_expiry",
                               "Field 'expiresAt' is required: every token needs an expiration "
                               "date (at most " +
                                   std::to_string(policy.maxLifetimeDays) + " days from now).");
      }
      token.expiresAt.reset();
      token.lifetimeMillis.reset();
      return;
    case ExpiryInput::Kind::At:
      break;
  }
  if (expiry.at <= now) {
    throw http::badRequest("invalid_expiry", "Field 'expiresAt' must be in the future.");
  }
  if (expiry.at > now + policy.maxLifetimeDays * kMillisPerDay) {
    throw http::badRequest("invalid_expiry",
                           "Field 'expiresAt' is too far away: this server allows tokens to live "
                           "at most " +
                               std::to_string(policy.maxLifetimeDays) + " days.");
  }
  token.expiresAt = expiry.at;
  token.lifetimeMillis = expiry.at - now;
}

}  // namespace

boost::json::value TokenService::create(const std::string& userId, const NewTokenInput& input,
                                        const ClientInfo& client) {
  TokenRecord token;
  token.id = auth::newTokenId();
  token.userId = userId;
  token.name = input.name;
  token.description = input.description;
  token.scopes = input.scopes;
  token.spaceIds = input.spaceIds;
  token.baseIds = input.baseIds;
  token.createdAt = nowMillis();
  applyExpiry(token, input.expiry, policy_, token.createdAt);
  const std::string secret = auth::newTokenSecret();
  return database_.write([&](store::Session& session) {
    requireReachable(session, userId, token.spaceIds, token.baseIds);
    insertToken(session, token, auth::sha256Hex(secret));
    audit::AuditLog::record(
        session,
        {"token.created", userId, token.id, client.ip, client.userAgent, {{"name", token.name}}});
    return withValue(tokenToJson(session, token, lastUsed_),
                     auth::makeToken(auth::TokenKind::Personal, token.id, secret));
  });
}

boost::json::value TokenService::list(const std::string& userId) {
  return database_.read([&](store::Session& session) {
    boost::json::array tokens;
    for (const TokenRecord& token : loadTokens(session, userId)) {
      tokens.push_back(tokenToJson(session, token, lastUsed_));
    }
    return boost::json::value{{"tokens", std::move(tokens)}};
  });
}

namespace {

TokenRecord requireToken(store::Session& session, const std::string& userId,
                         const std::string& tokenId) {
  auto token = loadToken(session, userId, tokenId);
  if (!token) throw http::ApiError(404, "token_not_found", "You have no token with this id.");
  return std::move(*token);
}

}  // namespace

boost::json::value TokenService::get(const std::string& userId, const std::string& tokenId) {
  return database_.read([&](store::Session& session) {
    return tokenToJson(session, requireToken(session, userId, tokenId), lastUsed_);
  });
}

boost::json::value TokenService::update(const std::string& userId, const std::string& tokenId,
                                        const TokenChangesInput& changes,
                                        const ClientInfo& client) {
  return database_.write([&](store::Session& session) {
    TokenRecord token = requireToken(session, userId, tokenId);
    if (changes.name) token.name = *changes.name;
    if (changes.description) token.description = *changes.description;
    if (changes.scopes) token.scopes = *changes.scopes;
    if (changes.spaceIds) token.spaceIds = *changes.spaceIds;
    if (changes.baseIds) token.baseIds = *changes.baseIds;
    requireReachable(session, userId, token.spaceIds, token.baseIds);
    updateTokenMetadata(session, token);
    audit::AuditLog::record(session,
                            {"token.updated", userId, token.id, client.ip, client.userAgent, {}});
    return tokenToJson(session, token, lastUsed_);
  });
}

boost::json::value TokenService::refresh(const std::string& userId, const std::string& tokenId,
                                         const ExpiryInput& expiry, const ClientInfo& client) {
  const std::string secret = auth::newTokenSecret();
  return database_.write([&](store::Session& session) {
    TokenRecord token = requireToken(session, userId, tokenId);
    const UnixMillis now = nowMillis();
    if (expiry.kind != ExpiryInput::Kind::Unsaid) {
      applyExpiry(token, expiry, policy_, now);
    } else if (token.lifetimeMillis) {
      // The same lifetime as before, counted from now.
      token.expiresAt =
          now + std::min(*token.lifetimeMillis, policy_.maxLifetimeDays * kMillisPerDay);
    } else if (!policy_.allowNonExpiring) {
      applyExpiry(token, expiry, policy_, now);  // explains that expiresAt is needed
    }
    replaceTokenSecret(session, token, auth::sha256Hex(secret));
    audit::AuditLog::record(session,
                            {"token.refreshed", userId, token.id, client.ip, client.userAgent, {}});
    return withValue(tokenToJson(session, token, lastUsed_),
                     auth::makeToken(auth::TokenKind::Personal, token.id, secret));
  });
}

void TokenService::remove(const std::string& userId, const std::string& tokenId,
                          const ClientInfo& client) {
  database_.write([&](store::Session& session) {
    requireToken(session, userId, tokenId);
    revokeToken(session, tokenId);
    audit::AuditLog::record(session,
                            {"token.deleted", userId, tokenId, client.ip, client.userAgent, {}});
  });
}

boost::json::value TokenService::events(const std::string& userId, const std::string& tokenId) {
  audit_.flush();  // failed authentications are buffered; show them now
  return database_.read([&](store::Session& session) {
    if (!tokenBelongsTo(session, tokenId, userId)) {
      throw http::ApiError(404, "token_not_found", "You have no token with this id.");
    }
    return audit::AuditLog::eventsOfToken(session, tokenId);
  });
}

boost::json::value TokenService::scopeCatalogue() const {
  boost::json::array presets, actions;
  for (const access::ScopePreset& preset : access::scopePresets()) {
    boost::json::array granted;
    for (const access::Action action : preset.actions)
      granted.emplace_back(access::actionName(action));
    presets.push_back(boost::json::object{{"name", preset.name},
                                          {"label", preset.label},
                                          {"description", preset.description},
                                          {"actions", std::move(granted)}});
  }
  for (const access::Action action : access::allActions()) {
    actions.push_back(boost::json::object{{"name", access::actionName(action)},
                                          {"description", access::actionDescription(action)}});
  }
  return {{"presets", std::move(presets)},
          {"actions", std::move(actions)},
          {"expiry",
           {{"maxLifetimeDays", policy_.maxLifetimeDays},
            {"allowNonExpiring", policy_.allowNonExpiring}}}};
}

boost::json::value TokenService::describe(const access::Principal& principal) {
  if (!principal.token) {
    throw http::badRequest("not_a_token",
                           "This request was not made with a personal access token.");
  }
  if (!principal.token->clientId.empty()) return oauthTokenToJson(principal);
  return database_.read([&](store::Session& session) {
    const TokenRecord token = requireToken(session, principal.userId, principal.token->id);
    boost::json::object json = tokenToJson(session, token, lastUsed_).as_object();
    json["active"] = true;
    const auto user = findUserById(session, principal.userId);
    json["user"] = user ? userToJson(*user) : boost::json::value(nullptr);
    return boost::json::value(std::move(json));
  });
}

void TokenService::admitLeakReport(const ClientInfo& client) {
  if (auto wait = leakReports_.admitAttempt(client.ip)) {
    throw http::tooManyRequests("too_many_requests", "Too many leak reports from this address.",
                                *wait);
  }
}

namespace {

// A leaked OAuth access or refresh token ends its whole grant, as the
// grant's owner revoking it would.
void revokeLeakedGrant(store::Session& session, const auth::ParsedToken& token,
                       const ClientInfo& client) {
  const auto owner = auth::ownerOfOAuthToken(session, token.id, auth::sha256Hex(token.secret));
  if (!owner || !auth::revokeGrant(session, owner->grantId, nowMillis(), "reported_leaked")) return;
  audit::AuditLog::record(session,
                          {"oauth.leak_revoked",
                           owner->userId,
                           owner->grantId,
                           client.ip,
                           client.userAgent,
                           {{"reason", "reported as leaked"}, {"clientId", owner->clientId}}});
}

}  // namespace

void TokenService::revokeLeaked(const std::vector<std::string>& values, const ClientInfo& client) {
  database_.write([&](store::Session& session) {
    for (const std::string& value : values) {
      const auto parsed = auth::parseToken(value);
      if (!parsed) continue;
      if (parsed->kind != auth::TokenKind::Personal) {
        revokeLeakedGrant(session, *parsed, client);
        continue;
      }
      const auto owner = liveTokenOwner(session, parsed->id, auth::sha256Hex(parsed->secret));
      if (!owner) continue;
      revokeToken(session, parsed->id);
      audit::AuditLog::record(session, {"token.leak_revoked",
                                        *owner,
                                        parsed->id,
                                        client.ip,
                                        client.userAgent,
                                        {{"reason", "reported as leaked"}}});
    }
  });
}

}  // namespace tessera::features
