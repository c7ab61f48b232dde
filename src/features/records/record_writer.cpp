#include "features/records/record_writer.h"

#include "common/clock.h"
#include "features/schema/cell_codec.h"
#include "features/schema/schema_store.h"
#include "http/api_error.h"

namespace tessera::features {

RecordWriter::RecordWriter(store::Session& session, TableSchema schema, std::string userId,
                           bool keyById, bool typecast)
    : session_(session),
      schema_(std::move(schema)),
      userId_(std::move(userId)),
      keyById_(keyById),
      typecast_(typecast),
      optionsChanged_(schema_.fields.size(), false) {}

CellValues RecordWriter::encode(const boost::json::object& fields, const std::string& where) {
  CellValues values;
  for (const auto& entry : fields) {
    const std::string key(entry.key());
    const FieldDef* found = schema_.field(key, !keyById_);
    if (!found) {
      throw http::badRequest(
          "unknown_field",
          where + ": this table has no field " + (keyById_ ? "with id '" : "named '") + key + "'.");
    }
    const std::size_t index = static_cast<std::size_t>(found - schema_.fields.data());
    FieldDef& field = schema_.fields[index];
    if (isComputed(field.type)) {
      throw http::badRequest("field_not_writable",
                             where + ": field '" + field.name + "' is " +
                                 std::string(fieldTypeName(field.type)) +
                                 ", computed by the server; it cannot be written.");
    }
    bool changed = false;
    try {
      values.emplace_back(index, encodeCell(field, entry.value(), typecast_, changed));
    } catch (const CellError& error) {
      throw http::badRequest("invalid_cell", "In " + where + ", field '" + field.name + "' (" +
                                                 std::string(fieldTypeName(field.type)) +
                                                 "): " + error.what() + ".");
    }
    if (changed) optionsChanged_[index] = true;
  }
  return values;
}

std::vector<std::string> RecordWriter::insert(const std::vector<CellValues>& records) {
  return insertRecords(session_, schema_, records, userId_, nowMillis());
}

void RecordWriter::update(const std::string& recordId, const CellValues& values,
                          std::optional<std::int64_t> expectedVersion) {
  if (updateRecord(session_, schema_, recordId, values, expectedVersion, userId_, nowMillis())) {
    return;
  }
  const auto current = loadRecordVersion(session_, schema_, recordId);
  if (!current) {
    throw http::ApiError(404, "record_not_found", "Record '" + recordId + "' does not exist.");
  }
  throw http::conflict("version_conflict",
                       "Record '" + recordId + "' was changed by someone else (it is at version " +
                           std::to_string(*current) + "). Read it again and retry.");
}

void RecordWriter::saveAddedChoices() {
  bool changed = false;
  for (std::size_t i = 0; i < schema_.fields.size(); ++i) {
    if (!optionsChanged_[i]) continue;
    updateFieldOptions(session_, schema_.fields[i], nowMillis());
    changed = true;
  }
  if (changed) touchTableSchema(session_, schema_.id);
}

}  // namespace tessera::features
