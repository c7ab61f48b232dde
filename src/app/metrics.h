// Counters and latency histograms for GET /metrics, in the Prometheus text
// format: requests by route, method and status; latency by route; token
// authentications by outcome and reason; plus gauges read when scraped
// (database queue and pool, the last-used backlog).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "auth/last_used_tracker.h"
#include "store/database.h"

namespace tessera::app {

class Metrics {
 public:
  void observeRequest(std::string_view route, std::string_view method, int status, double seconds);
  // outcome: "accepted" or "refused"; reason: the refusal's error code.
  void observeTokenAuthentication(std::string_view outcome, std::string_view reason);
  // Requests observed so far, read without the lock (for idle detection).
  std::uint64_t requestsAnswered() const { return answered_.load(std::memory_order_relaxed); }

  std::string render(const store::DatabaseStats& database,
                     const auth::LastUsedTracker::Backlog& lastUsed) const;

 private:
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // cumulative counts are computed when rendered
    double sum = 0;
    std::uint64_t count = 0;
  };

  std::atomic<std::uint64_t> answered_{0};
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> tokenAuthentications_;
};

}  // namespace tessera::app
