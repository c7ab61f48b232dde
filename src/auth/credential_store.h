// What authentication reads and writes of personal access tokens: the row
// a bearer token names, with its owner's state; whether a digest is a
// retired secret of that token; and last-use times. The token pages manage
// the same table through features/tokens/token_store.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::auth {

struct StoredCredential {
  std::string userId;
  std::string name;
  std::vector<std::string> scopes;
  std::vector<std::string> spaceIds;
  std::vector<std::string> baseIds;
  std::string secretHash;  // SHA-256 hex of the current secret
  std::optional<UnixMillis> expiresAt;
  std::optional<UnixMillis> revokedAt;
  bool userIsAdmin = false;
  bool userDisabled = false;
};

// The token with this id, deleted or not, or nullopt.
std::optional<StoredCredential> loadCredential(store::Session& session, const std::string& tokenId);

// Whether `secretHash` is a secret the token had before a refresh.
bool isRetiredSecret(store::Session& session, const std::string& tokenId,
                     const std::string& secretHash);

// Records a use at `at` from `ip`, unless a later use is recorded already:
// on the personal access token `tokenId`, or on the OAuth grant of that id
// (kGrantIdPrefix, auth/oauth_credential_store.h).
void recordTokenUse(store::Session& session, const std::string& tokenId, UnixMillis at,
                    const std::string& ip);

}  // namespace tessera::auth
