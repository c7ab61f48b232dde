// Checks a bearer token: its shape and checksum first (no database read),
// then the stored digest of its secret in constant time, then whether it
// was deleted, refreshed or has expired. A personal access token (tsr_pat_)
// acts with its own scopes and restriction; an OAuth access token
// (tsr_oat_) with its grant's, and only on the resource (/mcp or the REST
// API) it was issued for. A failure is a 401 whose code and
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
#include "auth/token_format.h"
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
  // token_refreshed, token_expired, token_wrong_kind (an OAuth refresh
  // token sent as a bearer token) or token_wrong_resource (an OAuth token
  // issued for the other resource). The refusal is returned, not thrown:
  // under a flood of bad tokens refusals are the common case, and
  // unwinding was a third of their cost.
  std::variant<access::Principal, http::ApiError> verify(std::string_view value,
                                                         const http::Request& request) const;

  // verify()'s refusal of a token whose shape alone refuses it
  // (token_malformed, token_wrong_kind), written to the audit log the same
  // way; nullopt for a token only the store can decide. Reads nothing.
  std::optional<http::ApiError> refuseByShape(std::string_view value,
                                              const http::Request& request) const;

 private:
  // Writes the refusal to the audit log and returns it.
  http::ApiError refuse(std::string_view value, const http::Request& request,
                        const std::string& userId, const std::string& code,
                        const std::string& message) const;

  // The refusal of a token that did not parse (nullopt `parsed`) or is not
  // a bearer token; nullopt for a personal or OAuth access token.
  std::optional<http::ApiError> shapeRefusal(const std::optional<ParsedToken>& parsed,
                                             std::string_view value,
                                             const http::Request& request) const;
  std::variant<access::Principal, http::ApiError> verifyPersonal(
      const ParsedToken& parsed, std::string_view value, const http::Request& request) const;
  std::variant<access::Principal, http::ApiError> verifyOAuthAccess(
      const ParsedToken& parsed, std::string_view value, const http::Request& request) const;
  // The refusal of an OAuth token used on a resource it was not issued for.
  std::optional<http::ApiError> checkResource(const std::vector<std::string>& resources,
                                              std::string_view value, const http::Request& request,
                                              const std::string& userId) const;

  // A token that passed: the digest of its current secret, whom it acts
  // for and, for an OAuth token, the resources it may be used on.
  struct Verified {
    std::string secretHash;
    access::Principal principal;
    std::vector<std::string> resources;
  };
  // The principal of a cached token whose secret matches and which has
  // not expired since.
  std::optional<Verified> fromCache(const std::string& tokenId, const std::string& secretHash,
                                    std::uint64_t generation) const;

  store::Database& database_;
  LastUsedTracker& lastUsed_;
  audit::AuditLog& audit_;
  mutable store::GenerationCache<Verified> cache_{10000};
};

}  // namespace tessera::auth
