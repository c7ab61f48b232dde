// Personal access tokens as stored: metadata, the digest of the current
// secret, retired digests (to say "refreshed"), and their JSON form, which
// never contains a token value.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auth/last_used_tracker.h"
#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct TokenRecord {
  std::string id;
  std::string userId;
  std::string name;
  std::string description;
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  UnixMillis createdAt = 0;
  std::optional<std::int64_t> lifetimeMillis;  // nullopt: never expires
  std::optional<UnixMillis> expiresAt;
  std::optional<UnixMillis> lastUsedAt;
  std::string lastUsedIp;
};

// The user's live (not deleted) token, or nullopt.
std::optional<TokenRecord> loadToken(store::Session& session, const std::string& userId,
                                     const std::string& tokenId);
std::vector<TokenRecord> loadTokens(store::Session& session, const std::string& userId);

// Whether `userId` owns or owned token `tokenId` (deleted tokens included,
// for their history).
bool tokenBelongsTo(store::Session& session, const std::string& tokenId, const std::string& userId);
// The owner of the live token whose id and current secret digest are
// these, or nullopt.
std::optional<std::string> liveTokenOwner(store::Session& session, const std::string& tokenId,
                                          const std::string& secretHash);

void insertToken(store::Session& session, const TokenRecord& token, const std::string& secretHash);
void updateTokenMetadata(store::Session& session, const TokenRecord& token);
// Makes `secretHash` current and retires the previous one.
void replaceTokenSecret(store::Session& session, const TokenRecord& token,
                        const std::string& secretHash);
void revokeToken(store::Session& session, const std::string& tokenId);

// [{"id","name"}] of the spaces or bases (`table`: "spaces" or "bases")
// with these ids; name null for one that is gone. For what a grant of
// access is restricted to.
boost::json::array namedResources(store::Session& session, const std::string& table,
                                  const std::vector<std::string>& ids);
// An RFC 3339 time, or null.
boost::json::value optionalTime(const std::optional<UnixMillis>& millis);

// {"id","name","description","scopes","spaceIds","baseIds","spaces","bases",
//  "createdAt","lastUsedAt","lastUsedIp","expiresAt","expired"}; the last
// use includes what `lastUsed` has not written yet.
boost::json::value tokenToJson(store::Session& session, const TokenRecord& token,
                               const auth::LastUsedTracker& lastUsed);

}  // namespace tessera::features
