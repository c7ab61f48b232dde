#include "audit/audit_store.h"

#include <boost/json/serialize.hpp>

#include "common/random.h"
#include "common/utf8.h"
#include "http/client_address.h"

namespace tessera::audit {
namespace {

constexpr std::size_t kMaxUserAgentBytes = 300;

}  // namespace

void insertAuditEvent(store::Session& session, UnixMillis at, const AuditEvent& event) {
  const auto optional = [](const std::string& text) {
    return text.empty() ? store::SqlValue(nullptr) : store::SqlValue(text);
  };
  // What a client sent (its user agent, a forwarded address, text quoted
  // in the detail) is made storable, so no backend refuses the event.
  session.execute(
      "INSERT INTO audit_events (id, at, event, user_id, token_id, ip, user_agent, detail)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {newId("aud"), at, event.event, optional(event.userId), optional(event.tokenId),
       storableText(event.ip, http::kMaxClientAddressBytes),
       storableText(event.userAgent, kMaxUserAgentBytes),
       storableText(boost::json::serialize(event.detail), std::string::npos)});
}

std::vector<StoredAuditEvent> loadTokenEvents(store::Session& session, const std::string& tokenId,
                                              std::size_t limit) {
  std::vector<StoredAuditEvent> events;
  for (const store::Row& row :
       session.query("SELECT at, event, ip, user_agent, detail FROM audit_events WHERE token_id = ?"
                     " ORDER BY at DESC, id LIMIT ?",
                     {tokenId, static_cast<std::int64_t>(limit)})) {
    events.push_back({row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4)});
  }
  return events;
}

}  // namespace tessera::audit
