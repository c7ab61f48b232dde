#include "features/health/health_routes.h"

#include <boost/json/value.hpp>

#include "features/health/health_store.h"
#include "http/error_response.h"
#include "store/store_error.h"

namespace tessera::features {

void registerHealthRoutes(http::Router& router, store::Database& database) {
  router.addAtOnce("GET", "/healthz", [](auto&) {
    return http::Response::json(200, {{"status", "ok"}});
  });
  router.add("GET", "/readyz", access::anyone(), [&database](auto&) {
    try {
      database.read([](store::Session& session) { pingDatabase(session); });
    } catch (const store::StoreError&) {
      return http::errorResponse(503, "database_unavailable",
                                 "This server cannot reach its database.");
    }
    return http::Response::json(200, {{"status", "ready"}});
  });
}

}  // namespace tessera::features
