// Options of each field type (number precision, date settings, select
// choices and their colours, rating maximum): validation, defaults, and
// adding choices when a record write uses typecast.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "features/schema/field_type.h"

namespace tessera::features {

// Validates `given` (null when absent) for `type` and fills defaults.
// Throws ApiError 400 invalid_field naming the option.
boost::json::object normalizeOptions(FieldType type, const boost::json::value& given);

// For select fields: the choice named `name`, compared case-insensitively
// (choice names are unique regardless of case), in its stored spelling.
std::optional<std::string> findChoice(const boost::json::object& options, std::string_view name);
// Appends a choice with the next colour of the palette.
void addChoice(boost::json::object& options, const std::string& name);

}  // namespace tessera::features
