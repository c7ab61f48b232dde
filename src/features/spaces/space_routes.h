// HTTP mapping of spaces: /api/space and /api/space/{spaceId}.
#pragma once

#include "features/spaces/space_service.h"
#include "http/router.h"

namespace tessera::features {

void registerSpaceRoutes(http::Router& router, SpaceService& spaces);

}  // namespace tessera::features
