#include "auth/attempt_limiter.h"

namespace tessera::auth {
namespace {

// Above this many tracked keys, expired ones are swept on insert, so a
// flood of distinct keys cannot grow memory without bound.
constexpr std::size_t kSweepThreshold = 100000;

}  // namespace

AttemptLimiter::AttemptLimiter(std::size_t maxFailures, std::chrono::seconds window)
    : maxFailures_(maxFailures), window_(window) {}

void AttemptLimiter::forgetExpired(std::deque<Clock::time_point>& failures,
                                   Clock::time_point now) const {
  while (!failures.empty() && failures.front() + window_ <= now) failures.pop_front();
}

std::optional<std::chrono::seconds> AttemptLimiter::waitLocked(const std::string& key,
                                                               Clock::time_point now) {
  auto found = failures_.find(key);
  if (found == failures_.end()) return std::nullopt;
  forgetExpired(found->second, now);
  if (found->second.size() < maxFailures_) return std::nullopt;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(found->second.front() + window_ - now);
  return std::max(wait, std::chrono::seconds(1));
}

void AttemptLimiter::recordLocked(const std::string& key, Clock::time_point now) {
  pruneIfLarge(now);
  auto& failures = failures_[key];
  forgetExpired(failures, now);
  failures.push_back(now);
  if (failures.size() > maxFailures_) failures.pop_front();
}

std::optional<std::chrono::seconds> AttemptLimiter::blockedFor(const std::string& key) {
  std::lock_guard lock(mutex_);
  return waitLocked(key, Clock::now());
}

void AttemptLimiter::recordFailure(const std::string& key) {
  std::lock_guard lock(mutex_);
  recordLocked(key, Clock::now());
}

std::optional<std::chrono::seconds> AttemptLimiter::admitAttempt(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (auto wait = waitLocked(key, now)) return wait;
  recordLocked(key, now);
  return std::nullopt;
}

void AttemptLimiter::forgiveAttempt(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto found = failures_.find(key);
  if (found == failures_.end() || found->second.empty()) return;
  found->second.pop_back();
  if (found->second.empty()) failures_.erase(found);
}

void AttemptLimiter::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

void AttemptLimiter::pruneIfLarge(Clock::time_point now) {
  if (failures_.size() < kSweepThreshold) return;
  for (auto it = failures_.begin(); it != failures_.end();) {
    forgetExpired(it->second, now);
    it = it->second.empty() ? failures_.erase(it) : std::next(it);
  }
}

}  // namespace tessera::auth
