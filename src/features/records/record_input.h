// The record write bodies read into typed inputs: what the routes hand to
// RecordService. The cell values stay JSON, keyed by field name or id as
// the body says: only the table's schema can judge them, and the service
// does. Each reader throws ApiError 400 naming the first part that is
// wrong ("records[3]", "record").
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tessera::features {

inline constexpr std::size_t kMaxRecordsPerRequest = 1000;

struct WriteOptions {
  bool keyById = false;   // "fieldKeyType": "id"
  bool typecast = false;  // "typecast": true
};

// One record of a write: its cells, and for updates the record and the
// version the client last read (optimistic concurrency).
struct RecordInput {
  std::string where;  // "records[3]" or "record", for messages
  std::string id;     // updates only
  boost::json::object fields;
  std::optional<std::int64_t> version;
};

struct RecordsInput {
  WriteOptions options;
  std::vector<RecordInput> records;  // 1 to kMaxRecordsPerRequest
};

// POST: {"records": [{"fields": {...}}, ...], "fieldKeyType", "typecast"}.
RecordsInput newRecordsFromBody(const boost::json::value& body);
// PATCH of many: {"records": [{"id", "fields", "version"}, ...], ...}.
RecordsInput recordChangesFromBody(const boost::json::value& body);
// PATCH of one: {"fields", "version", "fieldKeyType", "typecast"}; the
// one record of the result has an empty id.
RecordsInput recordChangeFromBody(const boost::json::value& body);

}  // namespace tessera::features
