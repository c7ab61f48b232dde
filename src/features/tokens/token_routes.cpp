#include "features/tokens/token_routes.h"

#include <boost/json/value.hpp>

#include "features/tokens/token_input.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

// A body that may be left out entirely (refresh).
boost::json::value optionalBody(const http::Request& request) {
  if (request.body.empty()) return boost::json::object();
  return http::parseJsonBody(request);
}

}  // namespace

ClientInfo clientOf(const http::RequestContext& ctx) {
  return {ctx.request.clientIp, std::string(ctx.request.header("user-agent"))};
}

void registerTokenRoutes(http::Router& router, TokenService& tokens) {
  const std::string collection = "/api/access-token";
  const std::string one = collection + "/{tokenId}";
  router.add("GET", collection + "/scopes", access::signedIn(),
             [&tokens](auto&) { return http::Response::json(200, tokens.scopeCatalogue()); });
  router.add("POST", collection + "/revoke-leaked", access::anyone(), [&tokens](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    const ClientInfo client = clientOf(ctx);
    tokens.admitLeakReport(client);
    tokens.revokeLeaked(leakedTokensFromBody(body), client);
    return http::Response::json(202, {{"status", "accepted"}});
  });
  router.add("POST", collection, access::sessionOnly(), [&tokens](auto& ctx) {
    return http::Response::json(
        201, tokens.create(ctx.who().userId, newTokenFromBody(http::parseJsonBody(ctx.request)),
                           clientOf(ctx)));
  });
  router.add("GET", collection, access::sessionOnly(), [&tokens](auto& ctx) {
    return http::Response::json(200, tokens.list(ctx.who().userId));
  });
  router.add("GET", one, access::sessionOnly(), [&tokens](auto& ctx) {
    return http::Response::json(200, tokens.get(ctx.who().userId, ctx.param("tokenId")));
  });
  router.add("PATCH", one, access::sessionOnly(), [&tokens](auto& ctx) {
    return http::Response::json(
        200, tokens.update(ctx.who().userId, ctx.param("tokenId"),
                           tokenChangesFromBody(http::parseJsonBody(ctx.request)), clientOf(ctx)));
  });
  router.add("DELETE", one, access::sessionOnly(), [&tokens](auto& ctx) {
    tokens.remove(ctx.who().userId, ctx.param("tokenId"), clientOf(ctx));
    return http::Response::noContent();
  });
  router.add("POST", one + "/refresh", access::sessionOnly(), [&tokens](auto& ctx) {
    return http::Response::json(
        200, tokens.refresh(ctx.who().userId, ctx.param("tokenId"),
                            refreshFromBody(optionalBody(ctx.request)), clientOf(ctx)));
  });
  router.add("GET", one + "/events", access::sessionOnly(), [&tokens](auto& ctx) {
    return http::Response::json(200, tokens.events(ctx.who().userId, ctx.param("tokenId")));
  });
  router.add("GET", "/api/auth/token", access::signedIn(), [&tokens](auto& ctx) {
    return http::Response::json(200, tokens.describe(ctx.who()));
  });
}

}  // namespace tessera::features
