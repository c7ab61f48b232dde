#include "http/json_body.h"

#include <boost/algorithm/string/trim.hpp>
#include <boost/json/error.hpp>
#include <boost/json/stream_parser.hpp>

#include "common/ascii.h"
#include "http/api_error.h"

namespace tessera::http {
namespace {

std::string describePosition(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string describeJsonError(const boost::system::error_code& error) {
  if (error == boost::json::error::too_deep) {
    return "nesting is deeper than " + std::to_string(kMaxJsonDepth) + " levels";
  }
  if (error == boost::json::error::syntax || error == boost::json::error::extra_data) {
    return "unexpected character";
  }
  if (error == boost::json::error::incomplete) return "the text ends too early";
  return error.message();
}

const char* typeName(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
      return "a number";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::object:
      return "an object";
  }
  return "a value";
}

}  // namespace

std::size_t utf8Length(std::string_view text) {
  std::size_t length = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;
  }
  return length;
}

boost::json::value parseJsonText(std::string_view text, std::string_view what) {
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code error;
  const std::size_t consumed = parser.write_some(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const std::size_t at = error == boost::json::error::incomplete ? text.size() : consumed;
    throw badRequest("invalid_json", "The " + std::string(what) +
                                         " is not valid JSON: " + describeJsonError(error) +
                                         " at " + describePosition(text, at) + ".");
  }
  return parser.release();
}

boost::json::value parseJsonBody(const Request& request) {
  std::string_view contentType = request.header("content-type");
  const std::size_t semicolon = contentType.find(';');
  contentType = boost::algorithm::trim_copy(contentType.substr(0, semicolon));
  if (!equalsIgnoringAsciiCase(contentType, "application/json")) {
    throw ApiError(415, "unsupported_media_type",
                   "The request body must be JSON, sent with Content-Type: application/json.");
  }
  if (request.body.empty()) {
    throw badRequest("invalid_json", "The request body is empty; a JSON object was expected.");
  }
  return parseJsonText(request.body, "request body");
}

JsonObjectReader::JsonObjectReader(const boost::json::value& body,
                                   std::initializer_list<std::string_view> allowedKeys) {
  object_ = body.if_object();
  if (!object_) {
    throw badRequest("invalid_body", std::string("The request body must be a JSON object, not ") +
                                         typeName(body) + ".");
  }
  for (const auto& entry : *object_) {
    bool known = false;
    for (std::string_view allowed : allowedKeys) known = known || entry.key() == allowed;
    if (!known) {
      std::string list;
      for (std::string_view allowed : allowedKeys) {
        list += list.empty() ? "" : ", ";
        list += allowed;
      }
      throw badRequest("unknown_field", "Unknown field '" + std::string(entry.key()) +
                                            "'. Accepted fields: " + list + ".");
    }
  }
}

const boost::json::value* JsonObjectReader::find(std::string_view key) const {
  return object_->if_contains(key);
}

bool JsonObjectReader::has(std::string_view key) const { return find(key) != nullptr; }

std::string JsonObjectReader::stringValue(std::string_view key, const boost::json::value& value,
                                          std::size_t maxLength, bool allowEmpty) const {
  const auto* text = value.if_string();
  if (!text) {
    throw badRequest("invalid_field", "Field '" + std::string(key) + "' must be a string, not " +
                                          typeName(value) + ".");
  }
  std::string trimmed = boost::algorithm::trim_copy(std::string(text->data(), text->size()));
  if (trimmed.empty() && !allowEmpty) {
    throw badRequest("invalid_field", "Field '" + std::string(key) + "' must not be empty.");
  }
  if (utf8Length(trimmed) > maxLength) {
    throw badRequest("invalid_field", "Field '" + std::string(key) + "' must be at most " +
                                          std::to_string(maxLength) + " characters long.");
  }
  if (trimmed.find('\0') != std::string::npos) {
    throw badRequest("invalid_field",
                     "Field '" + std::string(key) + "' must not contain NUL characters.");
  }
  return trimmed;
}

std::string JsonObjectReader::requiredString(std::string_view key, std::size_t maxLength) {
  const boost::json::value* value = find(key);
  if (!value || value->is_null()) {
    throw badRequest("missing_field", "Field '" + std::string(key) + "' is required.");
  }
  return stringValue(key, *value, maxLength, false);
}

std::string JsonObjectReader::requiredRawString(std::string_view key) {
  const boost::json::value* value = find(key);
  if (!value || value->is_null()) {
    throw badRequest("missing_field", "Field '" + std::string(key) + "' is required.");
  }
  if (!value->is_string()) {
    throw badRequest("invalid_field", "Field '" + std::string(key) + "' must be a string.");
  }
  return std::string(value->as_string());
}

std::optional<std::string> JsonObjectReader::optionalString(std::string_view key,
                                                            std::size_t maxLength) {
  const boost::json::value* value = find(key);
  if (!value) return std::nullopt;
  return stringValue(key, *value, maxLength, false);
}

std::optional<std::string> JsonObjectReader::optionalText(std::string_view key,
                                                          std::size_t maxLength) {
  const boost::json::value* value = find(key);
  if (!value) return std::nullopt;
  if (value->is_null()) return std::string();
  return stringValue(key, *value, maxLength, true);
}

}  // namespace tessera::http
