// The rules of personal access tokens: create (shown once), list, read,
// update (not the value, not the expiry), refresh (a new value; the old one
// dead before the answer is sent), delete, their history, the scope
// catalogue, self-description, and revocation of leaked tokens.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "access/principal.h"
#include "audit/audit_log.h"
#include "auth/attempt_limiter.h"
#include "auth/last_used_tracker.h"
#include "features/tokens/token_input.h"
#include "store/database.h"

namespace tessera::features {

struct TokenPolicy {
  std::int64_t maxLifetimeDays = 366;
  bool allowNonExpiring = false;
  std::size_t leakReportsPerMinute = 10;  // per client IP
};

// Where a request came from, for the audit log.
struct ClientInfo {
  std::string ip;
  std::string userAgent;
};

class TokenService {
 public:
  TokenService(store::Database& database, auth::LastUsedTracker& lastUsed, audit::AuditLog& audit,
               TokenPolicy policy);

  // Creates a token of `userId`. REQUIRES: a signed-in browser session of
  // `userId` asked (tokens never manage tokens). Returns the token's JSON
  // with its value under "token", the only time the value is shown.
  // Refuses (ApiError 400) an expiry against the policy (invalid_expiry)
  // and a space or base the user cannot reach (invalid_resource).
  boost::json::value create(const std::string& userId, const NewTokenInput& input,
                            const ClientInfo& client);
  // The user's live tokens, newest first, without values.
  boost::json::value list(const std::string& userId);
  // Refuses ApiError 404 token_not_found for a token the user does not own.
  boost::json::value get(const std::string& userId, const std::string& tokenId);
  // Changes what `changes` names, never the value or the expiry. Refuses
  // 404 token_not_found and 400 invalid_resource.
  boost::json::value update(const std::string& userId, const std::string& tokenId,
                            const TokenChangesInput& changes, const ClientInfo& client);
  // Gives the token a new secret and expiry (Unsaid: the same lifetime from
  // now); the old value is refused from the moment this returns. Returns
  // the JSON with the new value under "token". Refuses 404 token_not_found
  // and 400 invalid_expiry.
  boost::json::value refresh(const std::string& userId, const std::string& tokenId,
                             const ExpiryInput& expiry, const ClientInfo& client);
  // Revokes at once. Refuses 404 token_not_found.
  void remove(const std::string& userId, const std::string& tokenId, const ClientInfo& client);
  // The token's audit events, newest first, failed authentications
  // included. Refuses 404 token_not_found for a token the user never had.
  boost::json::value events(const std::string& userId, const std::string& tokenId);

  // Presets and actions with their descriptions, and the expiry policy a
  // new token must meet (what the web app's Create Token form offers).
  boost::json::value scopeCatalogue() const;
  // RFC 7662-style description of the token making the request. Refuses
  // 400 not_a_token for a browser session.
  boost::json::value describe(const access::Principal& principal);
  // Counts a leak report from this client; throws ApiError 429 (with
  // Retry-After) when it reports too often. Call before reading the report.
  void admitLeakReport(const ClientInfo& client);
  // Revokes every live token among `values`; other values are ignored, so
  // the answer says nothing about which were valid.
  void revokeLeaked(const std::vector<std::string>& values, const ClientInfo& client);

 private:
  store::Database& database_;
  auth::LastUsedTracker& lastUsed_;
  audit::AuditLog& audit_;
  TokenPolicy policy_;
  auth::AttemptLimiter leakReports_;
};

}  // namespace tessera::features
