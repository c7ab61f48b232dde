// The rules of a view's definition: its filter and sort are validated
// against the table and stored with field ids (so renaming a field keeps
// views working), hidden fields and field order name existing fields, and
// a deleted field is forgotten by every view.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "features/schema/table_schema.h"

namespace tessera::features {

// Applies the "filter", "sort", "hiddenFieldIds" and "fieldOrder" keys of
// `changes` that are present. Throws ApiError 400 naming the problem.
void applyViewChanges(const TableSchema& schema, boost::json::object& definition,
                      const boost::json::object& changes);

// Removes every reference to `fieldId` from a definition.
void forgetField(boost::json::object& definition, const std::string& fieldId);
// Removes the filter conditions and sort keys on `fieldId` alone (for a
// field that changes to or from a type whose operators differ).
void forgetFilterAndSort(boost::json::object& definition, const std::string& fieldId);

}  // namespace tessera::features
