// HTTP mapping of bases: /api/base, /api/base/{baseId} and
// /api/space/{spaceId}/base.
#pragma once

#include "access/authorizer.h"
#include "features/bases/base_service.h"
#include "http/router.h"

namespace tessera::features {

void registerBaseRoutes(http::Router& router, BaseService& bases,
                        const access::Authorizer& authorizer);

}  // namespace tessera::features
