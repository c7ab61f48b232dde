#include "http/cookie.h"

namespace tessera::http {

std::string setCookieValue(std::string_view name, std::string_view value,
                           const CookieOptions& options) {
  std::string header;
  header.append(name).append("=").append(value).append("; Path=/; SameSite=Lax");
  if (options.maxAgeSeconds >= 0) header += "; Max-Age=" + std::to_string(options.maxAgeSeconds);
  if (options.httpOnly) header += "; HttpOnly";
  if (options.secure) header += "; Secure";
  return header;
}

}  // namespace tessera::http
