#include "audit/audit_log.h"

#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <iterator>

#include "store/store_error.h"

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
  buffered_.push_back({nowMillis(), std::move(event)});
}

void AuditLog::flush() {
  Batch batch;
  std::size_t dropped = 0;
  {
    std::lock_guard lock(mutex_);
    batch.swap(buffered_);
    std::swap(dropped, dropped_);
  }
  if (dropped > 0)
    spdlog::warn("audit: {} failed-authentication events dropped under load", dropped);
  if (batch.empty()) return;
  try {
    database_.write([&](store::Session& session) {
      for (const Buffered& buffered : batch) insertAuditEvent(session, buffered.at, buffered.event);
    });
    return;
  } catch (const std::exception& error) {
    spdlog::warn("audit: writing {} events at once failed, trying each: {}", batch.size(),
                 error.what());
  }
  std::exception_ptr lastFailure;
  keepForNextFlush(writeOneByOne(std::move(batch), lastFailure));
  if (lastFailure) std::rethrow_exception(lastFailure);
}

AuditLog::Batch AuditLog::writeOneByOne(Batch batch, std::exception_ptr& lastFailure) {
  Batch failed;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    Buffered& buffered = batch[i];
    try {
      database_.write(
          [&](store::Session& session) { insertAuditEvent(session, buffered.at, buffered.event); });
    } catch (const store::StoreError& error) {
      lastFailure = std::current_exception();
      if (error.kind() == store::StoreError::Kind::Unavailable) {
        // Not this event's fault: keep it and the rest as they are.
        std::move(batch.begin() + static_cast<std::ptrdiff_t>(i), batch.end(),
                  std::back_inserter(failed));
        return failed;
      }
      if (++buffered.failedAttempts < kMaxAttempts) {
        failed.push_back(std::move(buffered));
      } else {
        spdlog::error("audit: a {} event was refused {} times and is dropped: {}",
                      buffered.event.event, kMaxAttempts, error.what());
      }
    }
  }
  return failed;
}

void AuditLog::keepForNextFlush(Batch failed) {
  std::lock_guard lock(mutex_);
  // The older events go first; the newest are dropped past the limit.
  for (Buffered& newer : buffered_) failed.push_back(std::move(newer));
  if (failed.size() > kMaxBuffered) {
    dropped_ += failed.size() - kMaxBuffered;
    failed.resize(kMaxBuffered);
  }
  buffered_ = std::move(failed);
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
