// Writes OAuth state straight into a test server's database (SQLite file
// or PostgreSQL): a client, a grant and an access token, for tests of how
// OAuth tokens are verified on their own; and codes made old, which a test
// could otherwise only get by waiting a minute.
#pragma once

#include <string>
#include <vector>

#include "support/test_server.h"

namespace tessera::testing {

struct PlantedGrant {
  std::string userId;
  std::vector<std::string> scopes;     // e.g. {"read"}
  std::vector<std::string> resources;  // "mcp" and/or "api"
  long long accessLifetimeMs = 3'600'000;
};

// The tsr_oat_ value of a new access token under a new grant.
std::string plantOAuthAccessToken(const TestServer& server, const PlantedGrant& grant);

// Revokes every grant planted on the server.
void revokePlantedGrants(const TestServer& server);

// Makes every authorization code on the server older than its minute.
void expireOAuthCodes(const TestServer& server);

}  // namespace tessera::testing
