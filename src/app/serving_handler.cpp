#include "app/serving_handler.h"

#include <boost/json/value.hpp>

#include "http/error_response.h"

namespace tessera::app {

void ServingHandler::serveWith(http::RequestHandler& application) { application_ = &application; }

void ServingHandler::startDraining() { draining_ = true; }

std::optional<http::Response> ServingHandler::ownAnswer(const http::Request& request,
                                                        http::RequestHandler* application) const {
  const bool health = request.method == "GET" || request.method == "HEAD";
  if (draining_.load() && health && request.path == "/readyz") {
    return http::errorResponse(503, "draining",
                               "This server is shutting down; send new requests elsewhere.");
  }
  if (application) return std::nullopt;
  if (health && request.path == "/healthz") {
    return http::Response::json(200, {{"status", "starting"}});
  }
  http::Response starting = http::errorResponse(
      503, "starting", "This server is starting (opening and migrating its database).");
  starting.headers.emplace_back("Retry-After", "1");
  return starting;
}

std::optional<http::Response> ServingHandler::quickAnswer(const http::Request& request) {
  http::RequestHandler* application = application_.load();
  if (auto answer = ownAnswer(request, application)) return answer;
  return application->quickAnswer(request);
}

http::Response ServingHandler::handle(const http::Request& request) {
  http::RequestHandler* application = application_.load();
  if (auto answer = ownAnswer(request, application)) return std::move(*answer);
  return application->handle(request);
}

http::Response ServingHandler::reject(const http::Request& request, const http::ApiError& error) {
  if (http::RequestHandler* application = application_.load()) {
    return application->reject(request, error);
  }
  return http::errorResponse(error);
}

}  // namespace tessera::app
