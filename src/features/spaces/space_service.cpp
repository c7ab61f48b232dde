#include "features/spaces/space_service.h"

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "common/random.h"
#include "features/members/member_store.h"
#include "features/schema/user_table_store.h"
#include "features/spaces/space_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

boost::json::value spaceToJson(const SpaceRow& space, std::string_view role) {
  return {{"id", space.id},
          {"name", space.name},
          {"role", role},
          {"createdBy", space.createdBy},
          {"createdTime", formatRfc3339(space.createdAt)},
          {"lastModifiedTime", formatRfc3339(space.updatedAt)}};
}

boost::json::value readSpace(store::Session& session, const std::string& spaceId,
                             access::Role role) {
  const auto space = loadSpace(session, spaceId);
  if (!space) throw http::notFound("Space not found.");
  return spaceToJson(*space, access::roleName(role));
}

}  // namespace

boost::json::value SpaceService::create(const std::string& userId, const std::string& name) {
  const UnixMillis now = nowMillis();
  const SpaceRow space{newId("spc"), name, userId, now, now};
  return database_.write([&](store::Session& session) {
    insertSpace(session, space);
    insertCollaborator(session, {access::ResourceKind::Space, space.id}, userId,
                       access::Role::Owner, now);
    return spaceToJson(space, access::roleName(access::Role::Owner));
  });
}

boost::json::value SpaceService::listForUser(const access::Principal& principal) {
  return database_.read([&](store::Session& session) {
    boost::json::array spaces;
    for (const SpaceWithRole& entry : loadSpacesOfUser(session, principal.userId)) {
      if (principal.token && !principal.token->covers(entry.space.id, "")) continue;
      spaces.push_back(spaceToJson(entry.space, entry.role));
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
    renameSpace(session, spaceId, name, nowMillis());
    return readSpace(session, spaceId, role);
  });
}

void SpaceService::remove(const std::string& spaceId) {
  database_.write([&](store::Session& session) {
    dropUserTablesOfSpace(session, spaceId);
    deleteSpace(session, spaceId);
  });
}

}  // namespace tessera::features
