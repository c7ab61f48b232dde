// GET /healthz: 200 when the server can read its database, 503 otherwise.
// GET /readyz: the same check in the form a load balancer reads, 200
// {"status":"ready"} or 503 database_unavailable; before start-up ends and
// while draining, app/serving_handler answers it 503 first.
#pragma once

#include "http/router.h"
#include "store/database.h"

namespace tessera::features {

void registerHealthRoutes(http::Router& router, store::Database& database);

}  // namespace tessera::features
