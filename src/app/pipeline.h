// The data path of every request, in one straight line:
// static file? -> route -> authenticate -> check CSRF -> authorize -> handler -> response,
// with every failure rendered in the one error shape and one access-log
// line written per request. The pipeline decides nothing about access
// itself: every requirement a route declares is decided by
// access::Authorizer::admit, and each step's refusal comes back as a value.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <variant>

#include "access/authorizer.h"
#include "app/metrics.h"
#include "auth/authenticator.h"
#include "http/request_handler.h"
#include "http/router.h"
#include "http/static_site.h"
#include "store/database.h"

namespace tessera::app {

class Pipeline final : public http::RequestHandler {
 public:
  // `publicOrigin` (scheme://host[:port] of --public-url) names the
  // protected-resource metadata in the challenge of every 401.
  Pipeline(store::Database& database, const http::Router& router, const http::StaticSite& site,
           const auth::Authenticator& authenticator, const access::Authorizer& authorizer,
           Metrics& metrics, std::string publicOrigin)
      : database_(database),
        router_(router),
        site_(site),
        authenticator_(authenticator),
        authorizer_(authorizer),
        metrics_(metrics),
        publicOrigin_(std::move(publicOrigin)) {}

  // A refusal decided by the request alone (a token in the URL, no route,
  // a malformed token), a CORS preflight, a page of the app, or a route
  // added with addAtOnce; nullopt for anything that may read the store.
  std::optional<http::Response> quickAnswer(const http::Request& request) override;
  http::Response handle(const http::Request& request) override;
  http::Response reject(const http::Request& request, const http::ApiError& error) override;

 private:
  using Outcome = std::variant<http::Response, http::ApiError>;

  // What the request alone decides (a refusal, a preflight, a page), or
  // the route it goes on to.
  std::variant<Outcome, const http::Route*> routeRequest(http::RequestContext& ctx) const;
  // The response, or the refusal of a step (routing, authentication, CSRF,
  // authorization) returned as a value. A handler refuses bad input by
  // throwing ApiError, which respond() renders the same way.
  Outcome dispatch(http::RequestContext& ctx);
  // The response to what `decide` returns or throws, with the standard
  // headers, counted in the metrics and written to the access log.
  http::Response respond(http::RequestContext& ctx, std::chrono::steady_clock::time_point started,
                         const std::function<Outcome()>& decide);

  store::Database& database_;
  const http::Router& router_;
  const http::StaticSite& site_;
  const auth::Authenticator& authenticator_;
  const access::Authorizer& authorizer_;
  Metrics& metrics_;
  const std::string publicOrigin_;
};

}  // namespace tessera::app
