// The audit log, below authentication so that it and every feature can
// write to it: who did what to which token, from where, and failed token
// authentications. Events about a change are written in the change's own
// transaction; failed authentications are buffered in memory and written
// in batches (so a flood of bad tokens is not a flood of writes). A batch
// the database refuses is not lost: its events are retried one by one, so
// one event the database refuses cannot sink the others.
#pragma once

#include <boost/json/value.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "audit/audit_store.h"
#include "common/clock.h"
#include "store/database.h"

namespace tessera::audit {

class AuditLog {
 public:
  explicit AuditLog(store::Database& database) : database_(database) {}

  // Writes inside the caller's transaction.
  static void record(store::Session& session, const AuditEvent& event);
  // Buffers; written by flush(). At most kMaxBuffered are kept between
  // flushes (the oldest are counted as dropped).
  void recordLater(AuditEvent event);
  // Writes the buffered events in one transaction. When that fails, writes
  // them one at a time: events the database refuses stay buffered for the
  // next flush, and one refused at kMaxAttempts flushes is dropped with an
  // error in the log; when the database is unavailable every event stays.
  // Rethrows the last failure, after keeping what was not written.
  void flush();

  // The events of one token, newest first.
  static boost::json::value eventsOfToken(store::Session& session, const std::string& tokenId);

 private:
  static constexpr std::size_t kMaxBuffered = 10000;
  static constexpr std::size_t kMaxEventsShown = 500;
  static constexpr int kMaxAttempts = 3;

  struct Buffered {
    UnixMillis at;
    AuditEvent event;
    int failedAttempts = 0;
  };
  using Batch = std::vector<Buffered>;

  // Writes `batch` event by event; returns what must be tried again.
  Batch writeOneByOne(Batch batch, std::exception_ptr& lastFailure);
  void keepForNextFlush(Batch failed);

  store::Database& database_;
  std::mutex mutex_;
  Batch buffered_;
  std::size_t dropped_ = 0;
};

}  // namespace tessera::audit
