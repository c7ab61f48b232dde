// Reads a field definition from a request body ({"name","type","options",
// "description"}) and stores field metadata, shared by table creation and
// the field endpoints.
#pragma once

#include <boost/json/value.hpp>

#include "features/tables/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// Throws ApiError 400 naming the problem. `prefix` locates the definition
// in messages (e.g. "fields[2]." when creating a table).
FieldDef fieldFromJson(const boost::json::value& body, const std::string& prefix);

// Inserts the metadata row of `field` (its id is assigned here) and adds
// its column. Throws ApiError 409 field_name_taken.
void insertField(store::Session& session, const std::string& tableId, FieldDef& field);

}  // namespace tessera::features
