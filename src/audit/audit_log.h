// The audit log, below authentication so that it and every feature can
// write to it: who did what to which token, from where, and failed token
// authentications. Events about a change are written in the change's own
// transaction; failed authentications are buffered in memory and written
// in batches (so a flood of bad tokens is not a flood of writes).
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
  void flush();

  // The events of one token, newest first.
  static boost::json::value eventsOfToken(store::Session& session, const std::string& tokenId);

 private:
  static constexpr std::size_t kMaxBuffered = 10000;
  static constexpr std::size_t kMaxEventsShown = 500;

  store::Database& database_;
  std::mutex mutex_;
  std::vector<std::pair<UnixMillis, AuditEvent>> buffered_;
  std::size_t dropped_ = 0;
};

}  // namespace tessera::audit
