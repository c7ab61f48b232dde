// The data path of every request, in one straight line:
// static file? -> route -> authenticate -> check CSRF -> authorize -> handler -> response,
// with every failure rendered in the one error shape and one access-log
// line written per request. The pipeline decides nothing about access
// itself: every requirement a route declares is decided by
// access::Authorizer::admit, and each step's refusal comes back as a value.
#pragma once

#include <variant>

#include "access/authorizer.h"
#include "app/metrics.h"
#include "auth/authenticator.h"
#include "http/request_handler.h"
#include "http/router.h"
#include "http/static_site.h"

namespace tessera::app {

class Pipeline final : public http::RequestHandler {
 public:
  // `publicOrigin` (scheme://host[:port] of --public-url) names the
  // protected-resource metadata in the challenge of every 401.
  Pipeline(const http::Router& router, const http::StaticSite& site,
           const auth::Authenticator& authenticator, const access::Authorizer& authorizer,
           Metrics& metrics, std::string publicOrigin)
      : router_(router),
        site_(site),
        authenticator_(authenticator),
        authorizer_(authorizer),
        metrics_(metrics),
        publicOrigin_(std::move(publicOrigin)) {}

  http::Response handle(const http::Request& request) override;
  http::Response reject(const http::Request& request, const http::ApiError& error) override;

 private:
  // The response, or the refusal of a step (routing, authentication, CSRF,
  // authorization) returned as a value. A handler refuses bad input by
  // throwing ApiError, which handle() renders the same way.
  std::variant<http::Response, http::ApiError> dispatch(http::RequestContext& ctx);

  const http::Router& router_;
  const http::StaticSite& site_;
  const auth::Authenticator& authenticator_;
  const access::Authorizer& authorizer_;
  Metrics& metrics_;
  const std::string publicOrigin_;
};

}  // namespace tessera::app
