#include "http/error_response.h"

#include <boost/json/value.hpp>

#include "common/utf8.h"

namespace tessera::http {

Response errorResponse(int status, const std::string& code, const std::string& message) {
  // A message may quote what the client sent, which need not be UTF-8.
  return Response::json(status,
                        {{"status", status}, {"code", code}, {"message", validUtf8(message)}});
}

Response errorResponse(const ApiError& error) {
  Response response = errorResponse(error.status(), error.code(), error.what());
  for (const auto& [name, value] : error.headers()) response.addHeader(name, value);
  return response;
}

}  // namespace tessera::http
