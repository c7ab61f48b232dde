#include "app/metrics.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "common/clock.h"

namespace tessera::app {
namespace {

// Upper bounds in seconds, from 250 µs to 2.5 s.
constexpr std::array<double, 12> kBounds = {0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                            0.025,   0.05,   0.1,   0.25,   1,     2.5};

// Label values are route patterns, methods and error codes; escape anyway.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void header(std::ostringstream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

}  // namespace

void Metrics::observeRequest(std::string_view route, std::string_view method, int status,
                             double seconds) {
  answered_.fetch_add(1, std::memory_order_relaxed);
  const std::string routeLabel(route.empty() ? "unmatched" : route);
  std::lock_guard lock(mutex_);
  ++requests_[{routeLabel, std::string(method), status}];
  Histogram& histogram = latency_[routeLabel];
  if (histogram.buckets.empty()) histogram.buckets.assign(kBounds.size(), 0);
  const auto bucket = std::lower_bound(kBounds.begin(), kBounds.end(), seconds) - kBounds.begin();
  if (bucket < static_cast<std::ptrdiff_t>(kBounds.size())) ++histogram.buckets[bucket];
  histogram.sum += seconds;
  ++histogram.count;
}

void Metrics::observeTokenAuthentication(std::string_view outcome, std::string_view reason) {
  std::lock_guard lock(mutex_);
  ++tokenAuthentications_[{std::string(outcome), std::string(reason)}];
}

std::string Metrics::render(const store::DatabaseStats& database,
                            const auth::LastUsedTracker::Backlog& lastUsed) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  header(out, "tessera_http_requests_total", "counter",
         "Requests answered, by route pattern, method and status.");
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out << "tessera_http_requests_total{route=\"" << label(route) << "\",method=\"" << label(method)
        << "\",status=\"" << status << "\"} " << count << '\n';
  }
  header(out, "tessera_http_request_duration_seconds", "histogram",
         "Time from a whole request read to its response built, by route pattern.");
  for (const auto& [route, histogram] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBounds.size(); ++i) {
      cumulative += histogram.buckets[i];
      out << "tessera_http_request_duration_seconds_bucket{route=\"" << label(route) << "\",le=\""
          << kBounds[i] << "\"} " << cumulative << '\n';
    }
    out << "tessera_http_request_duration_seconds_bucket{route=\"" << label(route)
        << "\",le=\"+Inf\"} " << histogram.count << '\n'
        << "tessera_http_request_duration_seconds_sum{route=\"" << label(route) << "\"} "
        << histogram.sum << '\n'
        << "tessera_http_request_duration_seconds_count{route=\"" << label(route) << "\"} "
        << histogram.count << '\n';
  }
  header(out, "tessera_token_authentications_total", "counter",
         "Personal access token authentications, by outcome and refusal reason.");
  for (const auto& [key, count] : tokenAuthentications_) {
    out << "tessera_token_authentications_total{outcome=\"" << label(key.first) << "\",reason=\""
        << label(key.second) << "\"} " << count << '\n';
  }
  header(out, "tessera_database_queued_writes", "gauge",
         "Writes waiting for the SQLite writer thread (always 0 on PostgreSQL).");
  out << "tessera_database_queued_writes " << database.queuedWrites << '\n';
  header(out, "tessera_database_idle_connections", "gauge", "Pooled database connections free.");
  out << "tessera_database_idle_connections " << database.idleConnections << '\n';
  header(out, "tessera_database_write_retries_total", "counter",
         "Writes run again after a serialization conflict with a concurrent write "
         "(PostgreSQL; always 0 on SQLite).");
  out << "tessera_database_write_retries_total " << database.writeRetries << '\n';
  header(out, "tessera_requests_run_again_total", "counter",
         "Requests run again from the start because the cache generation they went ahead on "
         "had moved (PostgreSQL; always 0 on SQLite).");
  out << "tessera_requests_run_again_total " << database.requestsRunAgain << '\n';
  header(out, "tessera_last_used_pending", "gauge",
         "Token last-use times waiting to be written to the database.");
  out << "tessera_last_used_pending " << lastUsed.uses << '\n';
  header(out, "tessera_last_used_flush_lag_seconds", "gauge",
         "Age of the oldest last-use time not yet written (0 when none wait).");
  out << "tessera_last_used_flush_lag_seconds "
      << (lastUsed.oldest ? static_cast<double>(nowMillis() - *lastUsed.oldest) / 1000 : 0.0)
      << '\n';
  return out.str();
}

}  // namespace tessera::app
