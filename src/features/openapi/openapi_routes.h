// GET /api/openapi.json: the API description, for people and tools.
#pragma once

#include "http/router.h"

namespace tessera::features {

void registerOpenApiRoutes(http::Router& router);

}  // namespace tessera::features
