// The token endpoints' bodies read into typed inputs: what the routes hand
// to TokenService. Each reader throws ApiError 400 naming the first field
// that is wrong; none reads the database or applies the expiry policy.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace tessera::features {

// What a body says of a token's expiry ("expiresAt").
struct ExpiryInput {
  enum class Kind {
    Unsaid,  // no "expiresAt"
    Never,   // "expiresAt": null
    At,      // "expiresAt": a date or date-time
  };
  Kind kind = Kind::Unsaid;
  UnixMillis at = 0;  // when kind is At
};

struct NewTokenInput {
  std::string name;
  std::string description;
  std::vector<std::string> scopes;  // at least one, each a known scope
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  ExpiryInput expiry;
};

// Each field set only when the body names it.
struct TokenChangesInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> scopes;
  std::optional<std::vector<std::string>> spaceIds;
  std::optional<std::vector<std::string>> baseIds;
};

// The array of ids or names under `key` (absent or null: empty), at most
// `max` of them, duplicates dropped. Throws ApiError 400 invalid_field.
std::vector<std::string> readIdArray(const boost::json::object& body, std::string_view key,
                                     std::size_t max);
// "scopes": at least one, each a known scope (400 invalid_field,
// invalid_scope).
std::vector<std::string> readScopes(const boost::json::object& body);

// {"name","description","scopes","spaceIds","baseIds","expiresAt"}.
NewTokenInput newTokenFromBody(const boost::json::value& body);
// {"name","description","scopes","spaceIds","baseIds"}; "expiresAt" is
// refused (the expiry changes only by a refresh).
TokenChangesInput tokenChangesFromBody(const boost::json::value& body);
// {"expiresAt"} or an empty body (null).
ExpiryInput refreshFromBody(const boost::json::value& body);
// {"tokens": [...]}: at most 100 token values, duplicates dropped.
std::vector<std::string> leakedTokensFromBody(const boost::json::value& body);

}  // namespace tessera::features
