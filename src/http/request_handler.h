// The interface between the network server and the application: the server
// parses bytes into a Request and asks for a Response.
#pragma once

#include "http/api_error.h"
#include "http/request.h"
#include "http/response.h"

namespace tessera::http {

class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // Serves a complete, well-formed request. Must not throw.
  virtual Response handle(const Request& request) = 0;
  // Answers a request the server refused before it was complete (oversized
  // header or body, malformed HTTP). `request` holds what was read. Must not
  // throw.
  virtual Response reject(const Request& request, const ApiError& error) = 0;
};

}  // namespace tessera::http
