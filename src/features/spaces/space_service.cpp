#include "features/spaces/space_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "common/random.h"
#include "features/tables/table_storage.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

constexpr const char* kSpaceColumns = "s.id, s.name, s.created_by, s.created_at, s.updated_at";

boost::json::value spaceToJson(const store::Row& row, std::string_view role) {
  return {{"id", row.text(0)},
          {"name", row.text(1)},
          {"role", role},
          {"createdBy", row.text(2)},
          {"createdTime", formatRfc3339(row.integer(3))},
          {"lastModifiedTime", formatRfc3339(row.integer(4))}};
}

boost::json::value readSpace(store::Session& session, const std::string& spaceId,
                             access::Role role) {
  const store::Rows rows = session.query(
      std::string("SELECT ") + kSpaceColumns + " FROM spaces s WHERE s.id = ?", {spaceId});
  if (rows.empty()) throw http::notFound("Space not found.");
  return spaceToJson(rows[0], access::roleName(role));
}

}  // namespace

boost::json::value SpaceService::create(const std::string& userId, const std::string& name) {
  const std::string id = newId("spc");
  const UnixMillis now = nowMillis();
  return database_.write([&](store::Session& session) {
    session.execute(
        "INSERT INTO spaces (id, name, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        {id, name, userId, now, now});
    session.execute(
        "INSERT INTO space_members (space_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
        {id, userId, std::string(access::roleName(access::Role::Owner)), now});
    return readSpace(session, id, access::Role::Owner);
  });
}

boost::json::value SpaceService::listForUser(const access::Principal& principal) {
  return database_.read([&](store::Session& session) {
    const store::Rows rows =
        session.query(std::string("SELECT ") + kSpaceColumns +
                          ", m.role FROM spaces s JOIN space_members m ON m.space_id = s.id"
                          " WHERE m.user_id = ? ORDER BY s.created_at, s.id",
                      {principal.userId});
    boost::json::array spaces;
    for (const store::Row& row : rows) {
      if (principal.token && !principal.token->covers(row.text(0), "")) continue;
      spaces.push_back(spaceToJson(row, row.text(5)));
    }
    return boost::json::value{{"spaces", std::move(spaces)}};
  });
}

boost::json::value SpaceService::get(const std::string& spaceId, access::Role role) {
  return database_.read([&](store::Session& session) { return readSpace(session, spaceId, role); });
}

boost::json::value SpaceService::rename(const std::string& spaceId, const std::string& name,
                                        access::Role role) {
  return database_.write([&](store::Session& session) {
    session.execute("UPDATE spaces SET name = ?, updated_at = ? WHERE id = ?",
                    {name, nowMillis(), spaceId});
    return readSpace(session, spaceId, role);
  });
}

void SpaceService::remove(const std::string& spaceId) {
  database_.write([&](store::Session& session) {
    dropUserTablesOfSpace(session, spaceId);
    session.execute("DELETE FROM spaces WHERE id = ?", {spaceId});
  });
}

}  // namespace tessera::features
