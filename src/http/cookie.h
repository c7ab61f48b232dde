// Builds Set-Cookie header values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tessera::http {

struct CookieOptions {
  bool httpOnly = true;
  bool secure = false;
  std::int64_t maxAgeSeconds = -1;  // -1: a session cookie; 0: delete it
};

// `value` must already be cookie-safe (Tessera's values are base62).
std::string setCookieValue(std::string_view name, std::string_view value,
                           const CookieOptions& options);

}  // namespace tessera::http
