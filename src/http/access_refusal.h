// How the access layer's refusals reach a client: an access::Decision that
// is not allowed becomes an ApiError with the same status, code, message
// and WWW-Authenticate header.
#pragma once

#include "access/policy.h"
#include "http/api_error.h"

namespace tessera::http {

// REQUIRES: !decision.allowed.
ApiError refusalError(const access::Decision& decision);

// For a handler that asks the guard itself because its resource comes
// from the body: the role when the verdict allows, else throws the
// refusal as an ApiError.
access::Role allowedRoleOrThrow(const access::Verdict& verdict);

}  // namespace tessera::http
