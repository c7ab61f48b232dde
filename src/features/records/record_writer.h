// The write side of records inside one transaction: turning request
// "fields" objects into typed column values, the rules of inserting and
// updating rows (record_store.h holds the statements), and persisting
// choices that typecast added.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/records/record_store.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

class RecordWriter {
 public:
  RecordWriter(store::Session& session, TableSchema schema, std::string userId, bool keyById,
               bool typecast);

  // The stored values of a record's "fields" object. Throws ApiError 400
  // (unknown_field, field_not_writable, invalid_cell) naming `where`
  // (e.g. "records[3]") and the field.
  CellValues encode(const boost::json::object& fields, const std::string& where);

  // Returns the new record ids.
  std::vector<std::string> insert(const std::vector<CellValues>& records);
  // Throws ApiError 404 record_not_found, 409 version_conflict.
  void update(const std::string& recordId, const CellValues& values,
              std::optional<std::int64_t> expectedVersion);
  // Saves select choices that typecast added. Call once, after encoding.
  void saveAddedChoices();

  const TableSchema& schema() const { return schema_; }

 private:
  store::Session& session_;
  TableSchema schema_;
  std::string userId_;
  bool keyById_;
  bool typecast_;
  std::vector<bool> optionsChanged_;
};

}  // namespace tessera::features
