#include "app/pipeline.h"

#include <spdlog/spdlog.h>

#include <boost/algorithm/string/predicate.hpp>

#include <chrono>

#include "app/cors.h"
#include "app/logging.h"
#include "auth/oauth_credential_store.h"
#include "auth/token_format.h"
#include "common/clock.h"
#include "common/random.h"
#include "features/oauth/oauth_discovery_routes.h"
#include "http/access_refusal.h"
#include "http/error_response.h"
#include "store/store_error.h"

namespace tessera::app {
namespace {

constexpr std::string_view kRequestIdHeader = "X-Request-Id";

void addTokenExpiry(http::Response& response, const std::optional<access::Principal>& principal) {
  if (!principal || !principal->token) return;
  const auto& expiresAt = principal->token->expiresAt;
  response.setHeader("Tessera-Token-Expires", expiresAt ? formatRfc3339(*expiresAt) : "never");
}

// The app's pages set their own caching and Content-Security-Policy; every
// other answer is data that no cache keeps and no page may frame or run.
void addStandardHeaders(http::Response& response, const std::string& requestId) {
  response.setHeader(kRequestIdHeader, requestId);
  if (response.header("Cache-Control").empty()) response.setHeader("Cache-Control", "no-store");
  if (response.header("Content-Security-Policy").empty()) {
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  }
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "no-referrer");
}

// Tokens belong in the Authorization header only: a URL ends up in logs,
// browser history and proxies. The OAuth endpoints are the exception for
// forms: a client sends its refresh token (or the token to revoke) in the
// form body, as RFC 6749 and RFC 7009 say.
std::optional<http::ApiError> tokenInUrl(const http::Request& request) {
  const bool inQuery = request.query.find("access_token=") != std::string::npos ||
                       auth::mentionsToken(request.query);
  const bool inForm =
      !request.path.starts_with("/oauth/") &&
      boost::algorithm::icontains(request.header("content-type"), "x-www-form-urlencoded") &&
      (request.body.find("access_token=") != std::string::npos ||
       auth::mentionsToken(request.body));
  if (!inQuery && !inForm) return std::nullopt;
  return http::badRequest("token_in_url",
                          "Never put a personal access token in a URL or a form; send it as "
                          "'Authorization: Bearer <token>'. If this token was shared, refresh it.");
}

// A 401 from /mcp says where an OAuth client finds how to get a token
// (RFC 9728 §5.1; the MCP authorization specification): the challenge
// gains resource_metadata="<origin>/.well-known/oauth-protected-resource/mcp".
void addResourceMetadata(http::Response& response, std::string_view path,
                         const std::string& publicOrigin) {
  const std::string challenge(response.header("WWW-Authenticate"));
  if (response.status != 401 || !challenge.starts_with("Bearer") ||
      auth::resourceOfPath(path) != auth::kMcpResource) {
    return;
  }
  response.setHeader("WWW-Authenticate", challenge + ", resource_metadata=\"" +
                                             features::resourceMetadataUrl(publicOrigin, path) +
                                             "\"");
}

// A request made on this machine and not forwarded by a proxy (a proxy on
// the same machine would otherwise make every client look local).
bool fromThisMachine(const http::Request& request) {
  const std::string& peer = request.clientIp;
  const bool loopback =
      peer.starts_with("127.") || peer == "::1" || peer.starts_with("::ffff:127.");
  return loopback && !request.hasHeader("x-forwarded-for") && !request.hasHeader("forwarded") &&
         !request.hasHeader("x-real-ip");
}

// Counts token authentications for /metrics: accepted, or refused with the
// refusal's code.
void countTokenAuthentication(Metrics& metrics, const http::RequestContext& ctx,
                              const std::string& errorCode) {
  if (ctx.principal && ctx.principal->token) {
    metrics.observeTokenAuthentication("accepted", "");
  } else if (errorCode.starts_with("token_")) {
    metrics.observeTokenAuthentication("refused", errorCode);
  }
}

}  // namespace

std::variant<Pipeline::Outcome, const http::Route*> Pipeline::routeRequest(
    http::RequestContext& ctx) const {
  if (auto refusal = tokenInUrl(ctx.request)) return Outcome(std::move(*refusal));
  if (auto preflight = corsPreflight(ctx.request)) {
    ctx.route = "preflight";
    return Outcome(std::move(*preflight));
  }
  if (auto page = site_.serve(ctx.request)) {
    ctx.route = "static";
    return Outcome(std::move(*page));
  }
  auto matched = router_.match(ctx.request.method, ctx.request.path, ctx.params);
  if (auto* refusal = std::get_if<http::ApiError>(&matched)) return Outcome(std::move(*refusal));
  const http::Route* route = std::get<const http::Route*>(matched);
  ctx.route = route->pattern;
  return route;
}

Pipeline::Outcome Pipeline::dispatch(http::RequestContext& ctx) {
  auto routed = routeRequest(ctx);
  if (auto* decided = std::get_if<Outcome>(&routed)) return std::move(*decided);
  const http::Route& route = *std::get<const http::Route*>(routed);
  if (route.answersAtOnce) return route.handler(ctx);
  const bool anyone = route.requirement.kind == access::Requirement::Kind::Anyone;
  auto authenticated =
      authenticator_.authenticate(ctx.request, anyone ? auth::Authenticator::DeadSession::Ignore
                                                      : auth::Authenticator::DeadSession::Refuse);
  if (auto* refusal = std::get_if<http::ApiError>(&authenticated)) return std::move(*refusal);
  if (const auto* authentication = std::get_if<auth::Authentication>(&authenticated)) {
    ctx.principal = authentication->principal;
    if (authentication->browserSession) {
      ctx.browserSessionHash = authentication->browserSession->secretHash;
    }
    if (!anyone) {
      if (auto refusal = authenticator_.checkCsrf(ctx.request, *authentication)) {
        return std::move(*refusal);
      }
    }
  }
  const access::Requirement& requirement = route.requirement;
  const access::RequestFacts facts{ctx.principal ? &*ctx.principal : nullptr,
                                   fromThisMachine(ctx.request)};
  const std::string_view resourceId =
      requirement.pathParam.empty() ? std::string_view() : ctx.param(requirement.pathParam);
  const access::Verdict verdict = authorizer_.admit(requirement, facts, resourceId);
  if (!verdict.decision.allowed) return http::refusalError(verdict.decision);
  ctx.role = verdict.role;
  return route.handler(ctx);
}

std::optional<http::Response> Pipeline::quickAnswer(const http::Request& request) {
  const auto started = std::chrono::steady_clock::now();
  http::RequestContext ctx{request, {}, {}, std::nullopt, {}, access::Role::None, {}};
  auto routed = routeRequest(ctx);
  if (const auto* route = std::get_if<const http::Route*>(&routed);
      route && !(*route)->answersAtOnce) {
    auto refusal = authenticator_.refuseWithoutLookup(request);
    if (!refusal) return std::nullopt;
    routed = Outcome(std::move(*refusal));
  }
  return respond(ctx, started, [&]() -> Outcome {
    if (auto* decided = std::get_if<Outcome>(&routed)) return std::move(*decided);
    return std::get<const http::Route*>(routed)->handler(ctx);
  });
}

http::Response Pipeline::handle(const http::Request& request) {
  const auto started = std::chrono::steady_clock::now();
  // The caches of tokens, roles and schemas are checked against one read
  // of the write generation per request. On PostgreSQL the request may go
  // ahead on the generation last seen; when its snapshot shows another,
  // it runs again from the start, having written nothing.
  const store::GenerationPin pin(database_);
  http::RequestContext ctx{request, {}, {}, std::nullopt, {}, access::Role::None, {}};
  return respond(ctx, started, [&]() -> Outcome {
    for (;;) {
      try {
        Outcome outcome = [&]() -> Outcome {
          try {
            return dispatch(ctx);
          } catch (http::ApiError& error) {
            return std::move(error);  // an answer too: confirmed like the others
          }
        }();
        database_.confirmRequest();
        return outcome;
      } catch (const store::GenerationMoved&) {
        if (!pin.outermost()) throw;  // the outer request runs again
        ctx.params = {};
        ctx.principal.reset();
        ctx.browserSessionHash.clear();
        ctx.role = access::Role::None;
        ctx.route = {};
      }
    }
  });
}

http::Response Pipeline::respond(http::RequestContext& ctx,
                                 std::chrono::steady_clock::time_point started,
                                 const std::function<Outcome()>& decide) {
  const http::Request& request = ctx.request;
  ctx.requestId = newId("req");
  http::Response response;
  std::string errorCode;
  const auto refuse = [&](const http::ApiError& error) {
    errorCode = error.code();
    response = http::errorResponse(error);
    addResourceMetadata(response, request.path, publicOrigin_);
  };
  try {
    auto outcome = decide();
    if (auto* refusal = std::get_if<http::ApiError>(&outcome)) {
      refuse(*refusal);
    } else {
      response = std::get<http::Response>(std::move(outcome));
    }
  } catch (const http::ApiError& error) {
    refuse(error);
  } catch (const store::StoreError& error) {
    if (error.kind() == store::StoreError::Kind::Unavailable) {
      spdlog::warn("database unavailable request_id={} detail={}", ctx.requestId,
                   logfmtValue(error.what()));
      errorCode = "database_unavailable";
      response =
          http::errorResponse(503, errorCode, "The database is unavailable. Try again shortly.");
      response.setHeader("Retry-After", "1");
    } else {
      spdlog::error("store error request_id={} detail={}", ctx.requestId,
                    logfmtValue(error.what()));
      errorCode = "internal_error";
      response = http::errorResponse(
          500, errorCode, "Something went wrong on the server. Request id: " + ctx.requestId + ".");
    }
  } catch (const std::exception& error) {
    spdlog::error("unhandled error request_id={} detail={}", ctx.requestId,
                  logfmtValue(error.what()));
    errorCode = "internal_error";
    response = http::errorResponse(
        500, errorCode, "Something went wrong on the server. Request id: " + ctx.requestId + ".");
  }
  addStandardHeaders(response, ctx.requestId);
  addCorsHeaders(response, request.path);
  addTokenExpiry(response, ctx.principal);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  metrics_.observeRequest(ctx.route, request.method, response.status,
                          std::chrono::duration<double>(elapsed).count());
  countTokenAuthentication(metrics_, ctx, errorCode);
  logAccess({request.method, request.path, response.status,
             std::chrono::duration<double, std::milli>(elapsed).count(), ctx.requestId,
             ctx.principal ? std::string_view(ctx.principal->userId) : std::string_view(),
             ctx.principal ? ctx.principal->tokenId() : std::string_view(), request.clientIp,
             errorCode});
  return response;
}

http::Response Pipeline::reject(const http::Request& request, const http::ApiError& error) {
  const std::string requestId = newId("req");
  http::Response response = http::errorResponse(error);
  addStandardHeaders(response, requestId);
  logAccess({request.method.empty() ? "-" : std::string_view(request.method),
             request.path.empty() ? "-" : std::string_view(request.path),
             response.status,
             0,
             requestId,
             {},
             {},
             request.clientIp,
             error.code()});
  return response;
}

}  // namespace tessera::app
