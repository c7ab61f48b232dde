// The audit log: who did what to which token, from where, and failed token
// authentications. Events about a change are written in the change's own
// transaction; failed authentications are buffered in memory and written
// in batches (so a flood of bad tokens is not a flood of writes).
#pragma once

#include <boost/json/object.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::features {

struct AuditEvent {
  std::string event;  // token.created, token.updated, token.refreshed, token.deleted,
                      // token.leak_revoked, token.auth_failed
  std::string userId;
  std::string tokenId;
  std::string ip;
  std::string userAgent;
  boost::json::object detail;
};

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

  store::Database& database_;
  std::mutex mutex_;
  std::vector<std::pair<UnixMillis, AuditEvent>> buffered_;
  std::size_t dropped_ = 0;
};

}  // namespace tessera::features
