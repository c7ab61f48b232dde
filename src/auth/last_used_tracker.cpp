#include "auth/last_used_tracker.h"

#include "auth/credential_store.h"

namespace tessera::auth {

void LastUsedTracker::record(const std::string& tokenId, const std::string& ip) {
  std::lock_guard lock(mutex_);
  pending_[tokenId] = LastUse{nowMillis(), ip};
}

std::optional<LastUse> LastUsedTracker::pending(const std::string& tokenId) const {
  std::lock_guard lock(mutex_);
  auto found = pending_.find(tokenId);
  if (found == pending_.end()) return std::nullopt;
  return found->second;
}

LastUsedTracker::Backlog LastUsedTracker::backlog() const {
  std::lock_guard lock(mutex_);
  Backlog result{pending_.size(), std::nullopt};
  for (const auto& [tokenId, use] : pending_) {
    if (!result.oldest || use.at < *result.oldest) result.oldest = use.at;
  }
  return result;
}

void LastUsedTracker::flush() {
  std::unordered_map<std::string, LastUse> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(pending_);
  }
  if (batch.empty()) return;
  try {
    database_.write([&](store::Session& session) {
      for (const auto& [tokenId, use] : batch) {
        recordTokenUse(session, tokenId, use.at, use.ip);
      }
    });
  } catch (...) {
    // Keep the batch for the next flush; a use recorded since is newer.
    std::lock_guard lock(mutex_);
    for (auto& [tokenId, use] : batch) pending_.try_emplace(tokenId, std::move(use));
    throw;
  }
}

}  // namespace tessera::auth
