#include "features/accounts/account_routes.h"

#include <boost/json/value.hpp>

#include "auth/authenticator.h"
#include "http/api_error.h"
#include "http/cookie.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

http::Response signedInResponse(int status, const SignedIn& signedIn, bool secure) {
  http::Response response = http::Response::json(
      status, {{"user", userToJson(signedIn.user)}, {"csrfToken", signedIn.session.csrfToken}});
  const std::int64_t maxAge = signedIn.session.lifetimeSeconds;
  response.addHeader(
      "Set-Cookie",
      http::setCookieValue(auth::kSessionCookie, signedIn.session.secret, {true, secure, maxAge}));
  response.addHeader(
      "Set-Cookie",
      http::setCookieValue(auth::kCsrfCookie, signedIn.session.csrfToken, {false, secure, maxAge}));
  return response;
}

}  // namespace

void registerAccountRoutes(http::Router& router, AccountService& accounts, bool httpsPublicUrl,
                           bool passwordResetByEmail) {
  // Cookies are Secure when the public URL is https, or when a trusted
  // proxy says the client came over https.
  const auto secure = [httpsPublicUrl](const http::RequestContext& ctx) {
    return httpsPublicUrl || ctx.request.https;
  };
  router.add("POST", "/api/auth/signup", access::anyone(), [&accounts, secure](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"email", "password", "name", "invitation"});
    NewUser user{reader.requiredString("email", 1000), reader.requiredString("name", 1000),
                 reader.requiredRawString("password")};
    const std::string invitation = reader.optionalString("invitation", 100).value_or("");
    return signedInResponse(201, accounts.signUp(std::move(user), invitation), secure(ctx));
  });

  router.add("POST", "/api/auth/signin", access::anyone(), [&accounts, secure](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"email", "password"});
    const std::string email = reader.requiredString("email", 1000);
    return signedInResponse(
        200, accounts.signIn(email, reader.requiredRawString("password"), ctx.request.clientIp),
        secure(ctx));
  });

  router.add("POST", "/api/auth/signout", access::sessionOnly(), [&accounts, secure](auto& ctx) {
    if (!ctx.browserSessionHash.empty()) accounts.signOut(ctx.browserSessionHash);
    http::Response response = http::Response::noContent();
    response.addHeader("Set-Cookie",
                       http::setCookieValue(auth::kSessionCookie, "", {true, secure(ctx), 0}));
    response.addHeader("Set-Cookie",
                       http::setCookieValue(auth::kCsrfCookie, "", {false, secure(ctx), 0}));
    return response;
  });

  router.add("GET", "/api/auth/setup", access::anyone(), [&accounts, passwordResetByEmail](auto&) {
    const ServerSetup setup = accounts.setup();
    return http::Response::json(
        200, boost::json::object{{"fresh", setup.fresh},
                                 {"signupOpen", setup.signupOpen},
                                 {"passwordResetByEmail", passwordResetByEmail}});
  });

  router.add("GET", "/api/auth/user", access::signedIn(), [&accounts](auto& ctx) {
    return http::Response::json(200, userToJson(accounts.currentUser(ctx.who().userId)));
  });

  // The account itself changes only from a browser session, never with a
  // token (as tokens never manage tokens).
  router.add("PATCH", "/api/auth/user", access::sessionOnly(), [&accounts](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"name", "email", "currentPassword"});
    ProfileChange change{reader.optionalString("name", 1000), reader.optionalString("email", 1000),
                         ""};
    if (body.as_object().contains("currentPassword"))
      change.currentPassword = reader.requiredRawString("currentPassword");
    return http::Response::json(
        200, userToJson(accounts.changeProfile(ctx.who().userId, std::move(change))));
  });

  router.add("POST", "/api/auth/password", access::sessionOnly(), [&accounts](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"currentPassword", "newPassword"});
    accounts.changePassword(ctx.who().userId, ctx.browserSessionHash,
                            reader.requiredRawString("currentPassword"),
                            reader.requiredRawString("newPassword"));
    return http::Response::noContent();
  });
}

}  // namespace tessera::features
