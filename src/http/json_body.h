// Reading JSON request bodies: media-type check (415), parsing with a
// nesting limit and a precise location on error (400 invalid_json), and a
// reader for objects that refuses unknown fields and names the field whose
// value has the wrong type.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace tessera::http {

// Deepest nesting of arrays and objects accepted in a request body.
constexpr std::size_t kMaxJsonDepth = 64;

// REQUIRES: nothing. Throws ApiError 415 unless Content-Type is
// application/json, 400 invalid_json if the body is empty or not JSON.
boost::json::value parseJsonBody(const Request& request);

// Parses JSON text from anywhere (bodies, query parameters). `what` names
// the input in error messages ("request body", "filter").
boost::json::value parseJsonText(std::string_view text, std::string_view what);

// Validates one JSON object field by field. Every key of the object must be
// among `allowedKeys`, otherwise 400 unknown_field.
class JsonObjectReader {
 public:
  JsonObjectReader(const boost::json::value& body,
                   std::initializer_list<std::string_view> allowedKeys);

  bool has(std::string_view key) const;

  // A string of 1..maxLength characters after trimming surrounding spaces.
  std::string requiredString(std::string_view key, std::size_t maxLength);
  std::optional<std::string> optionalString(std::string_view key, std::size_t maxLength);
  // A string taken as sent: never trimmed, never length-checked here
  // (passwords: their own rules check them).
  std::string requiredRawString(std::string_view key);
  // A string that may be empty (descriptions); null reads as "".
  std::optional<std::string> optionalText(std::string_view key, std::size_t maxLength);

 private:
  const boost::json::value* find(std::string_view key) const;
  std::string stringValue(std::string_view key, const boost::json::value& value,
                          std::size_t maxLength, bool allowEmpty) const;

  const boost::json::object* object_;
};

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8Length(std::string_view text);

}  // namespace tessera::http
