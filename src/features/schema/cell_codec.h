// Converts cell values between their JSON form in the API and their stored
// SQL form, per field type. Writes are validated strictly, or converted
// where sensible when the client asks for typecast.
#pragma once

#include <boost/json/value.hpp>
#include <stdexcept>
#include <string>

#include "common/json_writer.h"
#include "features/schema/table_schema.h"
#include "store/sql_value.h"

namespace tessera::features {

enum class CellFormat { Json, Text };

// Why a value cannot be stored; the caller adds the field and the record.
class CellError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The stored form of `value` for `field`. REQUIRES: !isComputed(field.type).
// With `typecast`, unknown select choices are added to `field.options` and
// `optionsChanged` is set. Throws CellError.
store::SqlValue encodeCell(FieldDef& field, const boost::json::value& value, bool typecast,
                           bool& optionsChanged);

// Writes the API form of a stored value (null when the cell is empty).
// User fields (createdBy, lastModifiedBy) go through writeUser instead.
void writeCell(JsonWriter& json, const FieldDef& field, const store::SqlValue& stored,
               CellFormat format);
// The same as a value, for code that works on values (field conversion).
boost::json::value decodeCell(const FieldDef& field, const store::SqlValue& stored,
                              CellFormat format);
// The API form of a user: {"id","name","email"}, or the name as text.
void writeUser(JsonWriter& json, const std::string& id, const std::string& name,
               const std::string& email, CellFormat format);

}  // namespace tessera::features
