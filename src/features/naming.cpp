#include "features/naming.h"

#include <boost/json/value.hpp>

#include "http/api_error.h"
#include "http/json_body.h"
#include "store/store_error.h"

namespace tessera::features {

std::string nameFromBody(const http::Request& request) {
  const boost::json::value body = http::parseJsonBody(request);
  http::JsonObjectReader reader(body, {"name"});
  return reader.requiredString("name", kMaxNameLength);
}

void writeUniqueName(std::string_view code, const std::string& message,
                     const std::function<void()>& write) {
  try {
    write();
  } catch (const store::StoreError& error) {
    if (error.kind() != store::StoreError::Kind::UniqueViolation) throw;
    throw http::conflict(std::string(code), message);
  }
}

}  // namespace tessera::features
