// HTTP mapping of accounts: /api/auth/signup, signin, signout, user.
#pragma once

#include "features/accounts/account_service.h"
#include "http/router.h"

namespace tessera::features {

// `secureCookies`: mark cookies Secure (the public URL is https).
void registerAccountRoutes(http::Router& router, AccountService& accounts, bool secureCookies);

}  // namespace tessera::features
