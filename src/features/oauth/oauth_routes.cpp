#include "features/oauth/oauth_routes.h"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json/object.hpp>

#include "features/tokens/token_routes.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

// An OAuth client reads "error" and "error_description" (RFC 6749 §5.2);
// the API's own fields are there too.
http::Response oauthError(const http::ApiError& error) {
  http::Response response =
      http::Response::json(error.status(), boost::json::object{{"error", error.code()},
                                                               {"error_description", error.what()},
                                                               {"status", error.status()},
                                                               {"code", error.code()},
                                                               {"message", error.what()}});
  for (const auto& [name, value] : error.headers()) response.setHeader(name, value);
  return response;
}

template <class Handler>
auto answeredTheOAuthWay(Handler handler) {
  return [handler](http::RequestContext& ctx) -> http::Response {
    try {
      return handler(ctx);
    } catch (const http::ApiError& error) {
      return oauthError(error);
    }
  };
}

void requireForm(const http::Request& request) {
  if (!boost::algorithm::icontains(request.header("content-type"),
                                   "application/x-www-form-urlencoded")) {
    throw http::badRequest("invalid_request",
                           "Send the parameters as application/x-www-form-urlencoded.");
  }
}

}  // namespace

void registerOAuthRoutes(http::Router& router, OAuthService& oauth) {
  router.add("POST", "/oauth/register", access::anyone(),
             answeredTheOAuthWay([&oauth](http::RequestContext& ctx) {
               return http::Response::json(
                   201, oauth.registerClient(registrationFromBody(http::parseJsonBody(ctx.request)),
                                             clientOf(ctx)));
             }));
  router.add("POST", "/oauth/token", access::anyone(),
             answeredTheOAuthWay([&oauth](http::RequestContext& ctx) {
               requireForm(ctx.request);
               return http::Response::json(
                   200, oauth.exchange(tokenRequestFromForm(ctx.request.body), clientOf(ctx)));
             }));
  router.add("POST", "/oauth/revoke", access::anyone(),
             answeredTheOAuthWay([&oauth](http::RequestContext& ctx) {
               requireForm(ctx.request);
               oauth.revoke(revokeRequestFromForm(ctx.request.body), clientOf(ctx));
               return http::Response::json(200, boost::json::object());
             }));
  router.add("GET", "/api/oauth/grants", access::sessionOnly(), [&oauth](auto& ctx) {
    return http::Response::json(200, oauth.listGrants(ctx.who().userId));
  });
  router.add("DELETE", "/api/oauth/grants/{grantId}", access::sessionOnly(), [&oauth](auto& ctx) {
    oauth.revokeGrantOf(ctx.who().userId, std::string(ctx.param("grantId")), clientOf(ctx));
    return http::Response::noContent();
  });
  router.add("GET", "/api/oauth/grants/{grantId}/events", access::sessionOnly(),
             [&oauth](auto& ctx) {
               return http::Response::json(
                   200, oauth.grantEvents(ctx.who().userId, std::string(ctx.param("grantId"))));
             });
  router.add("GET", "/api/admin/oauth/grants", access::instanceAdmin(), [&oauth](auto& ctx) {
    return http::Response::json(200, oauth.listAllGrants(grantFilterFromQuery(ctx.request.query)));
  });
  router.add("DELETE", "/api/admin/oauth/grants/{grantId}", access::instanceAdmin(),
             [&oauth](auto& ctx) {
               oauth.revokeGrantAsAdmin(ctx.who().userId, std::string(ctx.param("grantId")),
                                        clientOf(ctx));
               return http::Response::noContent();
             });
  router.add("GET", "/api/admin/oauth/clients", access::instanceAdmin(),
             [&oauth](auto&) { return http::Response::json(200, oauth.listClients()); });
  router.add(
      "PATCH", "/api/admin/oauth/clients/{clientId}", access::instanceAdmin(), [&oauth](auto& ctx) {
        return http::Response::json(
            200, oauth.setClientStatus(ctx.who().userId, std::string(ctx.param("clientId")),
                                       clientStatusFromBody(http::parseJsonBody(ctx.request)),
                                       clientOf(ctx)));
      });
  router.add("GET", "/api/oauth/authorize", access::sessionOnly(), [&oauth](auto& ctx) {
    return http::Response::json(
        200, oauth.describeRequest(authorizationRequestFromQuery(ctx.request.query)));
  });
  router.add("POST", "/api/oauth/authorize", access::sessionOnly(), [&oauth](auto& ctx) {
    const std::string redirectTo = oauth.consent(
        ctx.who().userId, consentFromBody(http::parseJsonBody(ctx.request)), clientOf(ctx));
    return http::Response::json(200, boost::json::object{{"redirectTo", redirectTo}});
  });
}

}  // namespace tessera::features
