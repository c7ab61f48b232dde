#include "features/tokens/token_service.h"

#include <boost/json/array.hpp>
#include <set>

#include "access/role_lookup.h"
#include "access/scopes.h"
#include "auth/digest.h"
#include "auth/token_format.h"
#include "features/audit/audit_log.h"
#include "features/naming.h"
#include "features/tokens/token_store.h"
#include "features/users/user_store.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxScopes = 64;
constexpr std::size_t kMaxResources = 100;
constexpr std::size_t kMaxLeakedPerReport = 100;
constexpr std::int64_t kMillisPerDay = 86400000;

std::vector<std::string> stringArray(const boost::json::object& body, std::string_view key,
                                     std::size_t max) {
  std::vector<std::string> values;
  const auto* value = body.if_contains(key);
  if (!value || value->is_null()) return values;
  if (!value->is_array() || value->as_array().size() > max) {
    throw http::badRequest("invalid_field", "Field '" + std::string(key) +
                                                "' must be an array of at most " +
                                                std::to_string(max) + " strings.");
  }
  std::set<std::string> seen;
  for (const auto& item : value->as_array()) {
    if (!item.is_string() || item.as_string().empty() || item.as_string().size() > 64) {
      throw http::badRequest("invalid_field",
                             "Field '" + std::string(key) + "' must contain only ids or names.");
    }
    if (seen.insert(std::string(item.as_string())).second) values.emplace_back(item.as_string());
  }
  return values;
}

std::vector<std::string> readScopes(const boost::json::object& body) {
  std::vector<std::string> scopes = stringArray(body, "scopes", kMaxScopes);
  if (scopes.empty()) {
    throw http::badRequest(
        "invalid_scope",
        "Field 'scopes' needs at least one scope. Valid scopes: " + access::allScopeNames() + ".");
  }
  if (const auto unknown = access::ScopeSet::firstUnknown(scopes)) {
    throw http::badRequest("invalid_scope", "Unknown scope '" + *unknown + "'. Valid scopes: " +
                                                access::allScopeNames() + ".");
  }
  return scopes;
}

// Every id must name a space or base the user can reach.
void checkResources(store::Session& session, const std::string& userId, const TokenRecord& token) {
  for (const auto& [kind, ids] : {std::pair{access::ResourceKind::Space, &token.spaceIds},
                                  std::pair{access::ResourceKind::Base, &token.baseIds}}) {
    for (const std::string& id : *ids) {
      if (access::lookupAccess(session, userId, {kind, id}).role == access::Role::None) {
        throw http::badRequest("invalid_resource",
                               std::string(access::resourceKindName(kind)) + " '" + id +
                                   "' does not exist or you have no access to it.");
      }
    }
  }
}

boost::json::value withValue(boost::json::value json, const std::string& value) {
  json.as_object()["token"] = value;
  return json;
}

}  // namespace

TokenService::TokenService(store::Database& database, auth::LastUsedTracker& lastUsed,
                           AuditLog& audit, TokenPolicy policy)
    : database_(database),
      lastUsed_(lastUsed),
      audit_(audit),
      policy_(policy),
      leakReports_(policy.leakReportsPerMinute, std::chrono::seconds(60)) {}

namespace {

// Sets the token's expiry from "expiresAt" (required unless the operator
// allows tokens that never expire).
void applyExpiry(TokenRecord& token, const boost::json::object& body, const TokenPolicy& policy,
                 UnixMillis now) {
  const auto* value = body.if_contains("expiresAt");
  if (!value || value->is_null()) {
    if (!policy.allowNonExpiring) {
      throw http::badRequest("invalid_expiry",
                             "Field 'expiresAt' is required: every token needs an expiration "
                             "date (at most " +
                                 std::to_string(policy.maxLifetimeDays) + " days from now).");
    }
    token.expiresAt.reset();
    token.lifetimeMillis.reset();
    return;
  }
  const auto* text = value->if_string();
  const auto expiresAt = text ? parseRfc3339(*text) : std::nullopt;
  if (!expiresAt) {
    throw http::badRequest("invalid_expiry",
                           "Field 'expiresAt' must be an ISO 8601 date or date-time, e.g. "
                           "2027-01-31 or 2027-01-31T12:00:00Z.");
  }
  if (*expiresAt <= now)
    throw http::badRequest("invalid_expiry", "Field 'expiresAt' must be in the future.");
  if (*expiresAt > now + policy.maxLifetimeDays * kMillisPerDay) {
    throw http::badRequest("invalid_expiry",
                           "Field 'expiresAt' is too far away: this server allows tokens to live "
                           "at most " +
                               std::to_string(policy.maxLifetimeDays) + " days.");
  }
  token.expiresAt = *expiresAt;
  token.lifetimeMillis = *expiresAt - now;
}

void readNameAndDescription(http::JsonObjectReader& reader, TokenRecord& token, bool required) {
  if (required) token.name = reader.requiredString("name", kMaxNameLength);
  if (!required) {
    if (auto name = reader.optionalString("name", kMaxNameLength)) token.name = *name;
  }
  if (auto description = reader.optionalText("description", 1000)) token.description = *description;
}

}  // namespace

boost::json::value TokenService::create(const std::string& userId, const boost::json::value& body,
                                        const ClientInfo& client) {
  http::JsonObjectReader reader(
      body, {"name", "description", "scopes", "spaceIds", "baseIds", "expiresAt"});
  const auto& object = body.as_object();
  TokenRecord token;
  token.id = auth::newTokenId();
  token.userId = userId;
  readNameAndDescription(reader, token, true);
  token.scopes = readScopes(object);
  token.spaceIds = stringArray(object, "spaceIds", kMaxResources);
  token.baseIds = stringArray(object, "baseIds", kMaxResources);
  token.createdAt = nowMillis();
  applyExpiry(token, object, policy_, token.createdAt);
  const std::string secret = auth::newTokenSecret();
  return database_.write([&](store::Session& session) {
    checkResources(session, userId, token);
    insertToken(session, token, auth::sha256Hex(secret));
    AuditLog::record(
        session,
        {"token.created", userId, token.id, client.ip, client.userAgent, {{"name", token.name}}});
    return withValue(tokenToJson(session, token, lastUsed_), auth::makeToken(token.id, secret));
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
                                        const boost::json::value& body, const ClientInfo& client) {
  if (body.is_object() && body.as_object().contains("expiresAt")) {
    throw http::badRequest("invalid_field",
                           "The expiry cannot be edited; refresh the token to set a new one.");
  }
  http::JsonObjectReader reader(body, {"name", "description", "scopes", "spaceIds", "baseIds"});
  const auto& object = body.as_object();
  return database_.write([&](store::Session& session) {
    TokenRecord token = requireToken(session, userId, tokenId);
    readNameAndDescription(reader, token, false);
    if (object.contains("scopes")) token.scopes = readScopes(object);
    if (object.contains("spaceIds"))
      token.spaceIds = stringArray(object, "spaceIds", kMaxResources);
    if (object.contains("baseIds")) token.baseIds = stringArray(object, "baseIds", kMaxResources);
    checkResources(session, userId, token);
    updateTokenMetadata(session, token);
    AuditLog::record(session, {"token.updated", userId, token.id, client.ip, client.userAgent, {}});
    return tokenToJson(session, token, lastUsed_);
  });
}

boost::json::value TokenService::refresh(const std::string& userId, const std::string& tokenId,
                                         const boost::json::value& body, const ClientInfo& client) {
  static const boost::json::value kEmpty = boost::json::object();
  const boost::json::value& given = body.is_null() ? kEmpty : body;
  http::JsonObjectReader reader(given, {"expiresAt"});
  const std::string secret = auth::newTokenSecret();
  return database_.write([&](store::Session& session) {
    TokenRecord token = requireToken(session, userId, tokenId);
    const UnixMillis now = nowMillis();
    if (given.as_object().contains("expiresAt")) {
      applyExpiry(token, given.as_object(), policy_, now);
    } else if (token.lifetimeMillis) {
      // The same lifetime as before, counted from now.
      token.expiresAt =
          now + std::min(*token.lifetimeMillis, policy_.maxLifetimeDays * kMillisPerDay);
    } else if (!policy_.allowNonExpiring) {
      applyExpiry(token, given.as_object(), policy_, now);  // explains that expiresAt is needed
    }
    replaceTokenSecret(session, token, auth::sha256Hex(secret));
    AuditLog::record(session,
                     {"token.refreshed", userId, token.id, client.ip, client.userAgent, {}});
    return withValue(tokenToJson(session, token, lastUsed_), auth::makeToken(token.id, secret));
  });
}

void TokenService::remove(const std::string& userId, const std::string& tokenId,
                          const ClientInfo& client) {
  database_.write([&](store::Session& session) {
    requireToken(session, userId, tokenId);
    revokeToken(session, tokenId);
    AuditLog::record(session, {"token.deleted", userId, tokenId, client.ip, client.userAgent, {}});
  });
}

boost::json::value TokenService::events(const std::string& userId, const std::string& tokenId) {
  audit_.flush();  // failed authentications are buffered; show them now
  return database_.read([&](store::Session& session) {
    const store::Rows owned = session.query(
        "SELECT 1 FROM access_tokens WHERE id = ? AND user_id = ?", {tokenId, userId});
    if (owned.empty())
      throw http::ApiError(404, "token_not_found", "You have no token with this id.");
    return AuditLog::eventsOfToken(session, tokenId);
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
  return database_.read([&](store::Session& session) {
    const TokenRecord token = requireToken(session, principal.userId, principal.token->id);
    boost::json::object json = tokenToJson(session, token, lastUsed_).as_object();
    json["active"] = true;
    const auto user = findUserById(session, principal.userId);
    json["user"] = user ? userToJson(*user) : boost::json::value(nullptr);
    return boost::json::value(std::move(json));
  });
}

void TokenService::revokeLeaked(const boost::json::value& body, const ClientInfo& client) {
  if (auto wait = leakReports_.blockedFor(client.ip)) {
    throw http::ApiError(429, "too_many_requests",
                         "Too many leak reports from this address; try again in " +
                             std::to_string(wait->count()) + " seconds.")
        .withHeader("Retry-After", std::to_string(wait->count()));
  }
  leakReports_.recordFailure(client.ip);
  http::JsonObjectReader reader(body, {"tokens"});
  const std::vector<std::string> values =
      stringArray(body.as_object(), "tokens", kMaxLeakedPerReport);
  database_.write([&](store::Session& session) {
    for (const std::string& value : values) {
      const auto parsed = auth::parseToken(value);
      if (!parsed) continue;
      const store::Rows rows = session.query(
          "SELECT user_id FROM access_tokens WHERE id = ? AND secret_hash = ? AND revoked_at IS "
          "NULL",
          {parsed->id, auth::sha256Hex(parsed->secret)});
      if (rows.empty()) continue;
      revokeToken(session, parsed->id);
      AuditLog::record(session, {"token.leak_revoked",
                                 rows[0].text(0),
                                 parsed->id,
                                 client.ip,
                                 client.userAgent,
                                 {{"reason", "reported as leaked"}}});
    }
  });
}

}  // namespace tessera::features
