#include "features/bases/base_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "common/random.h"
#include "features/tables/table_storage.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

constexpr const char* kBaseColumns =
    "b.id, b.space_id, b.name, b.created_by, b.created_at, b.updated_at";
// Appends the user's space role and base role (columns 6 and 7).
constexpr const char* kSelectBasesWithRoles =
    "SELECT b.id, b.space_id, b.name, b.created_by, b.created_at, b.updated_at, sm.role, bm.role"
    " FROM bases b"
    " LEFT JOIN space_members sm ON sm.space_id = b.space_id AND sm.user_id = ?"
    " LEFT JOIN base_members bm ON bm.base_id = b.id AND bm.user_id = ?";

boost::json::value baseToJson(const store::Row& row, std::string_view role) {
  return {{"id", row.text(0)},
          {"spaceId", row.text(1)},
          {"name", row.text(2)},
          {"role", role},
          {"createdBy", row.text(3)},
          {"createdTime", formatRfc3339(row.integer(4))},
          {"lastModifiedTime", formatRfc3339(row.integer(5))}};
}

access::Role roleIn(const store::Row& row, std::size_t column) {
  const auto name = row.optionalText(column);
  return name ? access::parseRole(*name).value_or(access::Role::None) : access::Role::None;
}

// The bases the principal may see: a role on them, and a token allowed there.
boost::json::value basesWithRoles(const store::Rows& rows, const access::Principal& principal) {
  boost::json::array bases;
  for (const store::Row& row : rows) {
    const access::Role role = access::strongerRole(roleIn(row, 6), roleIn(row, 7));
    if (principal.token && !principal.token->covers(row.text(1), row.text(0))) continue;
    if (role != access::Role::None) bases.push_back(baseToJson(row, access::roleName(role)));
  }
  return boost::json::value{{"bases", std::move(bases)}};
}

boost::json::value readBase(store::Session& session, const std::string& baseId, access::Role role) {
  const store::Rows rows = session.query(
      std::string("SELECT ") + kBaseColumns + " FROM bases b WHERE b.id = ?", {baseId});
  if (rows.empty()) throw http::notFound("Base not found.");
  return baseToJson(rows[0], access::roleName(role));
}

}  // namespace

boost::json::value BaseService::create(const std::string& userId, const std::string& spaceId,
                                       const std::string& name, access::Role role) {
  const std::string id = newId("bse");
  const UnixMillis now = nowMillis();
  return database_.write([&](store::Session& session) {
    session.execute(
        "INSERT INTO bases (id, space_id, name, created_by, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        {id, spaceId, name, userId, now, now});
    return readBase(session, id, role);
  });
}

boost::json::value BaseService::listForUser(const access::Principal& principal) {
  const std::string& userId = principal.userId;
  return database_.read([&](store::Session& session) {
    return basesWithRoles(
        session.query(
            std::string(kSelectBasesWithRoles) +
                " WHERE b.space_id IN (SELECT space_id FROM space_members WHERE user_id = ?)"
                " OR b.id IN (SELECT base_id FROM base_members WHERE user_id = ?)"
                " ORDER BY b.created_at, b.id",
            {userId, userId, userId, userId}),
        principal);
  });
}

boost::json::value BaseService::listInSpace(const access::Principal& principal,
                                            const std::string& spaceId) {
  const std::string& userId = principal.userId;
  return database_.read([&](store::Session& session) {
    return basesWithRoles(session.query(std::string(kSelectBasesWithRoles) +
                                            " WHERE b.space_id = ? ORDER BY b.created_at, b.id",
                                        {userId, userId, spaceId}),
                          principal);
  });
}

boost::json::value BaseService::get(const std::string& baseId, access::Role role) {
  return database_.read([&](store::Session& session) { return readBase(session, baseId, role); });
}

boost::json::value BaseService::rename(const std::string& baseId, const std::string& name,
                                       access::Role role) {
  return database_.write([&](store::Session& session) {
    session.execute("UPDATE bases SET name = ?, updated_at = ? WHERE id = ?",
                    {name, nowMillis(), baseId});
    return readBase(session, baseId, role);
  });
}

void BaseService::remove(const std::string& baseId) {
  database_.write([&](store::Session& session) {
    dropUserTablesOfBase(session, baseId);
    session.execute("DELETE FROM bases WHERE id = ?", {baseId});
  });
}

}  // namespace tessera::features
