#include "features/password_reset/password_reset_routes.h"

#include <boost/json/value.hpp>

#include "http/json_body.h"

namespace tessera::features {

void registerPasswordResetRoutes(http::Router& router, PasswordResetService& resets) {
  router.add("POST", "/api/auth/password-reset", access::anyone(), [&resets](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"email"});
    resets.requestLink(reader.requiredString("email", 1000), ctx.request.clientIp);
    return http::Response::json(
        202, {{"message",
               "If an account uses this address, an e-mail with a link to choose a new password "
               "is on its way. The link works for 30 minutes."}});
  });
  router.add("POST", "/api/auth/password-reset/confirm", access::anyone(), [&resets](auto& ctx) {
    const boost::json::value body = http::parseJsonBody(ctx.request);
    http::JsonObjectReader reader(body, {"secret", "newPassword"});
    const std::string secret = reader.requiredString("secret", 100);
    resets.resetPassword(secret, reader.requiredRawString("newPassword"));
    return http::Response::noContent();
  });
}

}  // namespace tessera::features
