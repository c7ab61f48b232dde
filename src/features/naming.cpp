#include "features/naming.h"

#include <boost/json/value.hpp>

#include "http/json_body.h"

namespace tessera::features {

std::string nameFromBody(const http::Request& request) {
  const boost::json::value body = http::parseJsonBody(request);
  http::JsonObjectReader reader(body, {"name"});
  return reader.requiredString("name", kMaxNameLength);
}

}  // namespace tessera::features
