// The rules of personal access tokens: create (shown once), list, read,
// update (not the value, not the expiry), refresh (a new value; the old one
// dead before the answer is sent), delete, their history, the scope
// catalogue, self-description, and revocation of leaked tokens.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "access/principal.h"
#include "auth/attempt_limiter.h"
#include "auth/last_used_tracker.h"
#include "features/audit/audit_log.h"
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
  TokenService(store::Database& database, auth::LastUsedTracker& lastUsed, AuditLog& audit,
               TokenPolicy policy);

  boost::json::value create(const std::string& userId, const boost::json::value& body,
                            const ClientInfo& client);
  boost::json::value list(const std::string& userId);
  boost::json::value get(const std::string& userId, const std::string& tokenId);
  boost::json::value update(const std::string& userId, const std::string& tokenId,
                            const boost::json::value& body, const ClientInfo& client);
  boost::json::value refresh(const std::string& userId, const std::string& tokenId,
                             const boost::json::value& body, const ClientInfo& client);
  void remove(const std::string& userId, const std::string& tokenId, const ClientInfo& client);
  boost::json::value events(const std::string& userId, const std::string& tokenId);

  // Presets and actions with their descriptions, and the expiry policy a
  // new token must meet (what the web app's Create Token form offers).
  boost::json::value scopeCatalogue() const;
  // RFC 7662-style description of the token making the request.
  boost::json::value describe(const access::Principal& principal);
  // Revokes every valid token among `body.tokens` (at most 100). Throws
  // ApiError 429 when this client asks too often.
  void revokeLeaked(const boost::json::value& body, const ClientInfo& client);

 private:
  store::Database& database_;
  auth::LastUsedTracker& lastUsed_;
  AuditLog& audit_;
  TokenPolicy policy_;
  auth::AttemptLimiter leakReports_;
};

}  // namespace tessera::features
