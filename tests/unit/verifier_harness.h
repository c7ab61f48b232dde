// A token verifier over a real SQLite database holding user "usr1", and
// the verdict it gives a bearer value, for the unit tests of personal
// access tokens and of OAuth access tokens.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "auth/token_verifier.h"
#include "user_database.h"

namespace tessera::testing {

struct VerifierHarness {
  // The code of the refusal of `candidate` (a 401 with the RFC 6750
  // header), or "accepted".
  std::string verdict(std::string_view candidate) {
    const auto outcome = verifier.verify(candidate, request);
    if (const auto* refusal = std::get_if<http::ApiError>(&outcome)) {
      EXPECT_EQ(refusal->status(), 401);
      EXPECT_NE(refusal->headers().at(0).second.find("error=\"invalid_token\""), std::string::npos);
      return refusal->code();
    }
    return "accepted";
  }

  UserDatabase db;
  auth::LastUsedTracker lastUsed{db.database};
  audit::AuditLog audit{db.database};
  auth::TokenVerifier verifier{db.database, lastUsed, audit};
  http::Request request;
};

}  // namespace tessera::testing
