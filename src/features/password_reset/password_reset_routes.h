// HTTP mapping of "forgot password": POST /api/auth/password-reset (ask
// for a link by e-mail) and POST /api/auth/password-reset/confirm (set a
// new password with the link's secret). Anyone may call both.
#pragma once

#include "features/password_reset/password_reset_service.h"
#include "http/router.h"

namespace tessera::features {

void registerPasswordResetRoutes(http::Router& router, PasswordResetService& resets);

}  // namespace tessera::features
