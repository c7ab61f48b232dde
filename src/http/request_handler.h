// The interface between the network server and the application: the server
// parses bytes into a Request and asks for a Response, first on its I/O
// thread for an answer that needs nothing slow, then on a pool thread.
#pragma once

#include <optional>

#include "http/api_error.h"
#include "http/request.h"
#include "http/response.h"

namespace tessera::http {

class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // The answer to a request that needs no database and no network (a page
  // of the app, liveness, a refusal decided from the request alone), or
  // nullopt when handle() must serve it. Called on an I/O thread, so it
  // must never wait. Must not throw.
  virtual std::optional<Response> quickAnswer(const Request& request) = 0;
  // Serves a complete, well-formed request. Must not throw.
  virtual Response handle(const Request& request) = 0;
  // Answers a request the server refused before it was complete (oversized
  // header or body, malformed HTTP; `request` holds what was read) or had
  // no room to queue (503 overloaded). Must not throw.
  virtual Response reject(const Request& request, const ApiError& error) = 0;
};

}  // namespace tessera::http
