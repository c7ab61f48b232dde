#include "audit/audit_log.h"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

namespace tessera::audit {

void AuditLog::record(store::Session& session, const AuditEvent& event) {
  insertAuditEvent(session, nowMillis(), event);
}

void AuditLog::recordLater(AuditEvent event) {
  std::lock_guard lock(mutex_);
  if (buffered_.size() >= kMaxBuffered) {
    ++dropped_;
    return;
  }
  buffered_.emplace_back(nowMillis(), std::move(event));
}

void AuditLog::flush() {
  std::vector<std::pair<UnixMillis, AuditEvent>> batch;
  std::size_t dropped = 0;
  {
    std::lock_guard lock(mutex_);
    batch.swap(buffered_);
    std::swap(dropped, dropped_);
  }
  if (dropped > 0)
    spdlog::warn("audit: {} failed-authentication events dropped under load", dropped);
  if (batch.empty()) return;
  database_.write([&](store::Session& session) {
    for (const auto& [at, event] : batch) insertAuditEvent(session, at, event);
  });
}

boost::json::value AuditLog::eventsOfToken(store::Session& session, const std::string& tokenId) {
  boost::json::array events;
  for (const StoredAuditEvent& stored : loadTokenEvents(session, tokenId, kMaxEventsShown)) {
    events.push_back(boost::json::object{{"at", formatRfc3339(stored.at)},
                                         {"event", stored.event},
                                         {"ip", stored.ip},
                                         {"userAgent", stored.userAgent},
                                         {"detail", boost::json::parse(stored.detail)}});
  }
  return boost::json::value{{"events", std::move(events)}};
}

}  // namespace tessera::audit
