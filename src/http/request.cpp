#include "http/request.h"

#include "common/ascii.h"

namespace tessera::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoringAsciiCase(key, name)) return value;
  }
  return {};
}

bool Request::hasHeader(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoringAsciiCase(key, name)) return true;
  }
  return false;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (!equalsIgnoringAsciiCase(key, "cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t end = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      const std::size_t equals = pair.find('=');
      if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name) {
        return std::string(trim(pair.substr(equals + 1)));
      }
    }
  }
  return std::nullopt;
}

}  // namespace tessera::http
