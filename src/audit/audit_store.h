// Audit events as stored in audit_events: one row per event, written in
// the caller's transaction, and a token's events read back newest first.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "common/clock.h"
#include "store/database.h"

namespace tessera::audit {

struct AuditEvent {
  std::string event;  // token.created, token.updated, token.refreshed, token.deleted,
                      // token.leak_revoked, token.auth_failed
  std::string userId;
  std::string tokenId;
  std::string ip;
  std::string userAgent;
  boost::json::object detail;
};

struct StoredAuditEvent {
  UnixMillis at = 0;
  std::string event;
  std::string ip;
  std::string userAgent;
  std::string detail;  // JSON text
};

// Stores `event` as happened at `at`. Client-sent text is made valid
// UTF-8 without NUL; the user agent is cut to 300 bytes, the address to
// 64, each at a character boundary.
void insertAuditEvent(store::Session& session, UnixMillis at, const AuditEvent& event);

// Up to `limit` events about the token, newest first.
std::vector<StoredAuditEvent> loadTokenEvents(store::Session& session, const std::string& tokenId,
                                              std::size_t limit);

}  // namespace tessera::audit
