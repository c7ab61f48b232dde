#include "http/error_response.h"

#include <boost/json/value.hpp>

namespace tessera::http {

Response errorResponse(int status, const std::string& code, const std::string& message) {
  return Response::json(status, {{"status", status}, {"code", code}, {"message", message}});
}

Response errorResponse(const ApiError& error) {
  Response response = errorResponse(error.status(), error.code(), error.what());
  for (const auto& [name, value] : error.headers()) response.addHeader(name, value);
  return response;
}

}  // namespace tessera::http
