// HTTP mapping of tables: /api/base/{baseId}/table[/{tableId}].
#pragma once

#include "features/tables/table_service.h"
#include "http/router.h"

namespace tessera::features {

void registerTableRoutes(http::Router& router, TableService& tables);

}  // namespace tessera::features
