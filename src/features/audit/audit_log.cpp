#include "features/audit/audit_log.h"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "common/random.h"

namespace tessera::features {
namespace {

void insert(store::Session& session, UnixMillis at, const AuditEvent& event) {
  const auto optional = [](const std::string& text) {
    return text.empty() ? store::SqlValue(nullptr) : store::SqlValue(text);
  };
  session.execute(
      "INSERT INTO audit_events (id, at, event, user_id, token_id, ip, user_agent, detail)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {newId("aud"), at, event.event, optional(event.userId), optional(event.tokenId), event.ip,
       event.userAgent.substr(0, 300), boost::json::serialize(event.detail)});
}

}  // namespace

void AuditLog::record(store::Session& session, const AuditEvent& event) {
  insert(session, nowMillis(), event);
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
    for (const auto& [at, event] : batch) insert(session, at, event);
  });
}

boost::json::value AuditLog::eventsOfToken(store::Session& session, const std::string& tokenId) {
  boost::json::array events;
  for (const store::Row& row :
       session.query("SELECT at, event, ip, user_agent, detail FROM audit_events WHERE token_id = ?"
                     " ORDER BY at DESC, id LIMIT 500",
                     {tokenId})) {
    events.push_back(boost::json::object{{"at", formatRfc3339(row.integer(0))},
                                         {"event", row.text(1)},
                                         {"ip", row.text(2)},
                                         {"userAgent", row.text(3)},
                                         {"detail", boost::json::parse(row.text(4))}});
  }
  return boost::json::value{{"events", std::move(events)}};
}

}  // namespace tessera::features
