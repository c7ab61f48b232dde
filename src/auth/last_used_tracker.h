// Remembers when and from where each token was last used, in memory, and
// writes it to the store in one batch when flushed (periodically and at
// shutdown), so using a token costs no database write.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::auth {

struct LastUse {
  UnixMillis at = 0;
  std::string ip;
};

class LastUsedTracker {
 public:
  explicit LastUsedTracker(store::Database& database) : database_(database) {}

  void record(const std::string& tokenId, const std::string& ip);
  // A use not yet written, if any (so listings are never staler than this).
  std::optional<LastUse> pending(const std::string& tokenId) const;
  // How many uses wait to be written, and when the oldest of them happened
  // (for the flush-lag metric).
  struct Backlog {
    std::size_t uses = 0;
    std::optional<UnixMillis> oldest;
  };
  Backlog backlog() const;
  // Writes every pending use, never moving a last-use time backwards. When
  // the write fails the uses stay pending and the error is rethrown.
  void flush();

 private:
  store::Database& database_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, LastUse> pending_;
};

}  // namespace tessera::auth
