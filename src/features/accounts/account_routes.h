// HTTP mapping of accounts: /api/auth/signup, signin, signout, user.
#pragma once

#include "features/accounts/account_service.h"
#include "http/router.h"

namespace tessera::features {

// `httpsPublicUrl`: mark cookies Secure; they are also Secure for a request
// a trusted proxy forwarded with X-Forwarded-Proto: https.
// `passwordResetByEmail`: /api/auth/setup says a forgotten password can be
// reset by e-mail (a mail server is configured).
void registerAccountRoutes(http::Router& router, AccountService& accounts, bool httpsPublicUrl,
                           bool passwordResetByEmail);

}  // namespace tessera::features
