#include "http/request_context.h"

#include <stdexcept>

namespace tessera::http {

const std::string& RequestContext::param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  throw std::logic_error("route has no path parameter " + std::string(name));
}

const access::Principal& RequestContext::who() const {
  if (!principal) throw std::logic_error("handler of a public route asked for the principal");
  return *principal;
}

}  // namespace tessera::http
