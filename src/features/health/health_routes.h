// GET /healthz: 200 when the server can read its database, 503 otherwise.
#pragma once

#include "http/router.h"
#include "store/database.h"

namespace tessera::features {

void registerHealthRoutes(http::Router& router, store::Database& database);

}  // namespace tessera::features
