// GET /healthz: liveness, 200 {"status":"ok"} while the process serves
// HTTP; it never waits on the database, so it answers on the I/O thread
// while every pool thread is busy. GET /readyz: readiness, 200
// {"status":"ready"} when the database answers, 503 database_unavailable
// when it does not; before start-up ends and while draining,
// app/serving_handler answers it 503 first.
#pragma once

#include "http/router.h"
#include "store/database.h"

namespace tessera::features {

void registerHealthRoutes(http::Router& router, store::Database& database);

}  // namespace tessera::features
