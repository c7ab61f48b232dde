// HTTP mapping of fields: /api/table/{tableId}/field[/{fieldId}].
#pragma once

#include "features/fields/field_service.h"
#include "http/router.h"

namespace tessera::features {

void registerFieldRoutes(http::Router& router, FieldService& fields);

}  // namespace tessera::features
