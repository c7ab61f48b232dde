#include "features/health/health_routes.h"

#include <boost/json/value.hpp>

#include "features/health/health_store.h"

namespace tessera::features {

void registerHealthRoutes(http::Router& router, store::Database& database) {
  router.add("GET", "/healthz", access::anyone(), [&database](auto&) {
    database.read([](store::Session& session) { pingDatabase(session); });
    return http::Response::json(200, {{"status", "ok"}});
  });
}

}  // namespace tessera::features
