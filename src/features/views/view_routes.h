// HTTP mapping of views: /api/table/{tableId}/view[/{viewId}].
#pragma once

#include "features/views/view_service.h"
#include "http/router.h"

namespace tessera::features {

void registerViewRoutes(http::Router& router, ViewService& views);

}  // namespace tessera::features
