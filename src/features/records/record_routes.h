// HTTP mapping of records: /api/table/{tableId}/record[/{recordId}],
// /api/table/{tableId}/record/count.
#pragma once

#include "features/records/record_service.h"
#include "http/router.h"

namespace tessera::features {

void registerRecordRoutes(http::Router& router, RecordService& records);

}  // namespace tessera::features
