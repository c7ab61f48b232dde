// The handler the HTTP server has from its first moment, in front of the
// application: the server listens before the database is opened and
// migrated, so a load balancer sees the process alive but not ready.
//   starting: GET /healthz is 200 ("starting"), GET /readyz 503 starting,
//             anything else 503 with Retry-After;
//   serving:  every request goes to the application (its /readyz is 200
//             while the database answers, 503 when it does not);
//   draining: after SIGTERM, /readyz is 503 draining, and everything else
//             is still served until the listener closes.
#pragma once

#include <atomic>

#include "http/request_handler.h"

namespace tessera::app {

class ServingHandler final : public http::RequestHandler {
 public:
  // Hands every later request to `application`. Thread-safe; once. Stays
  // draining when draining began first.
  void serveWith(http::RequestHandler& application);
  // From now on /readyz says 503 draining. Thread-safe.
  void startDraining();

  std::optional<http::Response> quickAnswer(const http::Request& request) override;
  http::Response handle(const http::Request& request) override;
  http::Response reject(const http::Request& request, const http::ApiError& error) override;

 private:
  // The answer while starting, or to /readyz while draining; nullopt when
  // `application` (the one being served, if any) answers.
  std::optional<http::Response> ownAnswer(const http::Request& request,
                                          http::RequestHandler* application) const;

  std::atomic<http::RequestHandler*> application_{nullptr};
  std::atomic<bool> draining_{false};
};

}  // namespace tessera::app
