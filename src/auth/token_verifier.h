// Checks a bearer token: its shape and checksum first (no database read),
// then the stored digest of its secret in constant time, then whether it
// was deleted, refreshed or has expired. A failure is a 401 whose code and
// message say which, and is written to the audit log. Tokens that passed
// are cached until the next committed write to accounts or tokens
// (store::GenerationCache, Database::writeGeneration), so
// a refresh, a delete or a disabled account is seen by the very next
// request; on PostgreSQL nothing is cached.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "access/principal.h"
#include "audit/audit_log.h"
#include "auth/last_used_tracker.h"
#include "http/api_error.h"
#include "http/request.h"
#include "store/database.h"
#include "store/generation_cache.h"

namespace tessera::auth {

class TokenVerifier {
 public:
  TokenVerifier(store::Database& database, LastUsedTracker& lastUsed, audit::AuditLog& audit)
      : database_(database), lastUsed_(lastUsed), audit_(audit) {}

  // The principal the token acts for, or its refusal: http::ApiError 401
  // with code token_malformed, token_unknown, token_revoked,
  // token_refreshed or token_expired. The refusal is returned, not thrown:
  // under a flood of bad tokens refusals are the common case, and
  // unwinding was a third of their cost.
  std::variant<access::Principal, http::ApiError> verify(std::string_view value,
                                                         const http::Request& request) const;

 private:
  // Writes the refusal to the audit log and returns it.
  http::ApiError refuse(std::string_view value, const http::Request& request,
                        const std::string& userId, const std::string& code,
                        const std::string& message) const;

  // A token that passed: the digest of its current secret and whom it
  // acts for.
  struct Verified {
    std::string secretHash;
    access::Principal principal;
  };
  // The principal of a cached token whose secret matches and which has
  // not expired since.
  std::optional<access::Principal> fromCache(const std::string& tokenId,
                                             const std::string& secretHash,
                                             std::uint64_t generation) const;

  store::Database& database_;
  LastUsedTracker& lastUsed_;
  audit::AuditLog& audit_;
  mutable store::GenerationCache<Verified> cache_{10000};
};

}  // namespace tessera::auth
