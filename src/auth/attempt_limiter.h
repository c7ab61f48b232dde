// Counts failed attempts per key (an account, a client IP) in a sliding
// window and says how long a key must wait once it has used up its
// allowance. In memory and per node; thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tessera::auth {

class AttemptLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  AttemptLimiter(std::size_t maxFailures, std::chrono::seconds window);

  // When `key` has `maxFailures` failures within the window: how long until
  // the oldest of them leaves the window (at least one second).
  std::optional<std::chrono::seconds> blockedFor(const std::string& key);
  void recordFailure(const std::string& key);
  // blockedFor and recordFailure in one step: when `key` is not blocked the
  // attempt is counted before the caller does the work, so attempts running
  // at the same time cannot all pass the check before any is counted.
  // Returns the wait when blocked (nothing is counted then).
  std::optional<std::chrono::seconds> admitAttempt(const std::string& key);
  // Takes back one counted attempt of `key` (an admitted one that turned
  // out to succeed).
  void forgiveAttempt(const std::string& key);
  void clear(const std::string& key);

 private:
  void forgetExpired(std::deque<Clock::time_point>& failures, Clock::time_point now) const;
  // REQUIRES: mutex_ held.
  std::optional<std::chrono::seconds> waitLocked(const std::string& key, Clock::time_point now);
  void recordLocked(const std::string& key, Clock::time_point now);
  void pruneIfLarge(Clock::time_point now);

  const std::size_t maxFailures_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace tessera::auth
