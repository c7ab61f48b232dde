#include "features/records/record_input.h"

#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

WriteOptions readWriteOptions(http::JsonObjectReader& reader, const boost::json::object& body) {
  WriteOptions options;
  if (const auto keyType = reader.optionalString("fieldKeyType", 10)) {
    if (*keyType != "name" && *keyType != "id") {
      throw http::badRequest("invalid_field", "Field 'fieldKeyType' must be \"name\" or \"id\".");
    }
    options.keyById = *keyType == "id";
  }
  if (const auto* typecast = body.if_contains("typecast")) {
    if (!typecast->is_bool()) {
      throw http::badRequest("invalid_field", "Field 'typecast' must be a boolean.");
    }
    options.typecast = typecast->as_bool();
  }
  return options;
}

const boost::json::array& recordsArray(const boost::json::object& body) {
  const auto* records = body.if_contains("records");
  if (!records || !records->is_array() || records->as_array().empty()) {
    throw http::badRequest("missing_field", "Field 'records' must be a non-empty array.");
  }
  if (records->as_array().size() > kMaxRecordsPerRequest) {
    throw http::badRequest("too_many_records",
                           "At most 1000 records per request; split the batch.");
  }
  return records->as_array();
}

// One element of a "records" array: an object with only `allowed` keys.
const boost::json::object& batchItem(const boost::json::value& item, const std::string& where,
                                     std::initializer_list<std::string_view> allowed) {
  const auto* record = item.if_object();
  if (!record) throw http::badRequest("invalid_field", where + " must be an object.");
  for (const auto& entry : *record) {
    bool known = false;
    for (std::string_view key : allowed) known = known || entry.key() == key;
    if (!known) {
      throw http::badRequest("unknown_field",
                             where + ": unknown key '" + std::string(entry.key()) + "'.");
    }
  }
  return *record;
}

// The record's "fields" and "version"; an absent "fields" is no change.
RecordInput readRecord(const boost::json::object& record, std::string where) {
  RecordInput input;
  input.where = std::move(where);
  if (const auto* fields = record.if_contains("fields")) {
    if (!fields->is_object()) {
      throw http::badRequest("invalid_field", input.where + ": 'fields' must be an object.");
    }
    input.fields = fields->as_object();
  }
  if (const auto* version = record.if_contains("version")) {
    if (!version->is_int64()) {
      throw http::badRequest("invalid_field", input.where + ": 'version' must be an integer.");
    }
    input.version = version->as_int64();
  }
  return input;
}

// A batch body: options and the "records" array, each item read by `read`.
template <class ReadItem>
RecordsInput readBatch(const boost::json::value& body, ReadItem&& read) {
  http::JsonObjectReader reader(body, {"records", "fieldKeyType", "typecast"});
  RecordsInput input{readWriteOptions(reader, body.as_object()), {}};
  const boost::json::array& records = recordsArray(body.as_object());
  for (std::size_t i = 0; i < records.size(); ++i) {
    input.records.push_back(read(records[i], "records[" + std::to_string(i) + "]"));
  }
  return input;
}

}  // namespace

RecordsInput newRecordsFromBody(const boost::json::value& body) {
  return readBatch(body, [](const boost::json::value& item, std::string where) {
    const boost::json::object& record = batchItem(item, where, {"fields"});
    return readRecord(record, std::move(where));
  });
}

RecordsInput recordChangesFromBody(const boost::json::value& body) {
  return readBatch(body, [](const boost::json::value& item, std::string where) {
    const boost::json::object& record = batchItem(item, where, {"id", "fields", "version"});
    const auto* id = record.if_contains("id");
    if (!id || !id->is_string()) {
      throw http::badRequest("missing_field", where + " needs an 'id'.");
    }
    RecordInput input = readRecord(record, std::move(where));
    input.id = std::string(id->as_string());
    return input;
  });
}

RecordsInput recordChangeFromBody(const boost::json::value& body) {
  http::JsonObjectReader reader(body, {"fields", "fieldKeyType", "typecast", "version"});
  RecordsInput input{readWriteOptions(reader, body.as_object()), {}};
  input.records.push_back(readRecord(body.as_object(), "the record"));
  return input;
}

}  // namespace tessera::features
