#include "features/tokens/token_input.h"

#include <set>

#include "access/scopes.h"
#include "features/naming.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxScopes = 64;
constexpr std::size_t kMaxResources = 100;
constexpr std::size_t kMaxLeakedPerReport = 100;
constexpr std::size_t kMaxDescriptionLength = 1000;

}  // namespace

std::vector<std::string> readIdArray(const boost::json::object& body, std::string_view key,
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
  std::vector<std::string> scopes = readIdArray(body, "scopes", kMaxScopes);
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

namespace {

ExpiryInput readExpiry(const boost::json::object& body) {
  const auto* value = body.if_contains("expiresAt");
  if (!value) return {};
  if (value->is_null()) return {ExpiryInput::Kind::Never, 0};
  const auto* text = value->if_string();
  const auto at = text ? parseRfc3339(*text) : std::nullopt;
  if (!at) {
    throw http::badRequest("invalid_expiry",
                           "Field 'expiresAt' must be an ISO 8601 date or date-time, e.g. "
                           "2027-01-31 or 2027-01-31T12:00:00Z.");
  }
  return {ExpiryInput::Kind::At, *at};
}

}  // namespace

NewTokenInput newTokenFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(
      body, {"name", "description", "scopes", "spaceIds", "baseIds", "expiresAt"});
  const auto& object = body.as_object();
  NewTokenInput token;
  token.name = reader.requiredString("name", kMaxNameLength);
  token.description = reader.optionalText("description", kMaxDescriptionLength).value_or("");
  token.scopes = readScopes(object);
  token.spaceIds = readIdArray(object, "spaceIds", kMaxResources);
  token.baseIds = readIdArray(object, "baseIds", kMaxResources);
  token.expiry = readExpiry(object);
  return token;
}

TokenChangesInput tokenChangesFromBody(const boost::json::value& body) {
  if (body.is_object() && body.as_object().contains("expiresAt")) {
    throw http::badRequest("invalid_field",
                           "The expiry cannot be edited; refresh the token to set a new one.");
  }
  http::JsonObjectReader reader(body, {"name", "description", "scopes", "spaceIds", "baseIds"});
  const auto& object = body.as_object();
  TokenChangesInput changes;
  changes.name = reader.optionalString("name", kMaxNameLength);
  changes.description = reader.optionalText("description", kMaxDescriptionLength);
  if (object.contains("scopes")) changes.scopes = readScopes(object);
  if (object.contains("spaceIds"))
    changes.spaceIds = readIdArray(object, "spaceIds", kMaxResources);
  if (object.contains("baseIds")) changes.baseIds = readIdArray(object, "baseIds", kMaxResources);
  return changes;
}

ExpiryInput refreshFromBody(const boost::json::value& body) {
  if (body.is_null()) return {};
  http::JsonObjectReader reader(body, {"expiresAt"});
  return readExpiry(body.as_object());
}

std::vector<std::string> leakedTokensFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"tokens"});
  return readIdArray(body.as_object(), "tokens", kMaxLeakedPerReport);
}

}  // namespace tessera::features
