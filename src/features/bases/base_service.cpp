#include "features/bases/base_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "common/random.h"
#include "features/bases/base_store.h"
#include "features/limits.h"
#include "features/schema/user_table_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

boost::json::value baseToJson(const BaseRow& base, std::string_view role) {
  return {{"id", base.id},
          {"spaceId", base.spaceId},
          {"name", base.name},
          {"role", role},
          {"createdBy", base.createdBy},
          {"createdTime", formatRfc3339(base.createdAt)},
          {"lastModifiedTime", formatRfc3339(base.updatedAt)}};
}

// The bases the principal may see: a role on them, and a token allowed there.
boost::json::value basesWithRoles(const std::vector<BaseWithRoles>& found,
                                  const access::Principal& principal) {
  boost::json::array bases;
  for (const BaseWithRoles& entry : found) {
    const access::Role role = access::strongerRole(entry.spaceRole, entry.baseRole);
    if (principal.token && !principal.token->covers(entry.base.spaceId, entry.base.id)) continue;
    if (role != access::Role::None) bases.push_back(baseToJson(entry.base, access::roleName(role)));
  }
  return boost::json::value{{"bases", std::move(bases)}};
}

boost::json::value readBase(store::Session& session, const std::string& baseId, access::Role role) {
  const auto base = loadBase(session, baseId);
  if (!base) throw http::notFound("Base not found.");
  return baseToJson(*base, access::roleName(role));
}

}  // namespace

boost::json::value BaseService::create(const std::string& userId, const std::string& spaceId,
                                       const std::string& name, access::Role role) {
  const UnixMillis now = nowMillis();
  const BaseRow base{newId("bse"), spaceId, name, userId, now, now};
  return database_.write([&](store::Session& session) {
    requireRoom(countBasesInSpace(session, spaceId), 1, kMaxBasesPerSpace, "space", "bases");
    insertBase(session, base);
    return baseToJson(base, access::roleName(role));
  });
}

boost::json::value BaseService::listForUser(const access::Principal& principal) {
  return database_.read([&](store::Session& session) {
    return basesWithRoles(loadBasesOfUser(session, principal.userId), principal);
  });
}

boost::json::value BaseService::listInSpace(const access::Principal& principal,
                                            const std::string& spaceId) {
  return database_.read([&](store::Session& session) {
    return basesWithRoles(loadBasesInSpace(session, principal.userId, spaceId), principal);
  });
}

boost::json::value BaseService::get(const std::string& baseId, access::Role role) {
  return database_.read([&](store::Session& session) { return readBase(session, baseId, role); });
}

boost::json::value BaseService::rename(const std::string& baseId, const std::string& name,
                                       access::Role role) {
  return database_.write([&](store::Session& session) {
    renameBase(session, baseId, name, nowMillis());
    return readBase(session, baseId, role);
  });
}

void BaseService::remove(const std::string& baseId) {
  database_.write([&](store::Session& session) {
    dropUserTablesOfBase(session, baseId);
    deleteBase(session, baseId);
  });
}

}  // namespace tessera::features
