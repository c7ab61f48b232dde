// The data path of every request, in one straight line:
// static file? -> route -> authenticate -> check CSRF -> authorize -> handler -> response,
// with every failure rendered in the one error shape and one access-log
// line written per request.
#pragma once

#include "access/authorizer.h"
#include "app/metrics.h"
#include "auth/authenticator.h"
#include "http/request_handler.h"
#include "http/router.h"
#include "http/static_site.h"

namespace tessera::app {

class Pipeline final : public http::RequestHandler {
 public:
  Pipeline(const http::Router& router, const http::StaticSite& site,
           const auth::Authenticator& authenticator, const access::Authorizer& authorizer,
           Metrics& metrics)
      : router_(router),
        site_(site),
        authenticator_(authenticator),
        authorizer_(authorizer),
        metrics_(metrics) {}

  http::Response handle(const http::Request& request) override;
  http::Response reject(const http::Request& request, const http::ApiError& error) override;

 private:
  http::Response dispatch(http::RequestContext& ctx);

  const http::Router& router_;
  const http::StaticSite& site_;
  const auth::Authenticator& authenticator_;
  const access::Authorizer& authorizer_;
  Metrics& metrics_;
};

}  // namespace tessera::app
