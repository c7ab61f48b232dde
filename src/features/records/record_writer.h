// The write side of records inside one transaction: turning request
// "fields" objects into typed column values and links, the rules of
// inserting and updating rows (record_store.h and link_store.h hold the
// statements), refreshing the materialised fields each write changes, and
// persisting choices that typecast added.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/records/record_store.h"
#include "features/schema/materialised_refresh.h"
#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// The record ids a link cell is to hold (field index into schema.fields).
struct LinkCell {
  std::size_t fieldIndex;
  std::vector<std::string> ids;
};

// What a write changes in one record: its column values and its links.
struct RecordChanges {
  CellValues cells;
  std::vector<LinkCell> links;
};

// One record's update: what it changes, and the version it must be at.
struct RecordUpdate {
  std::string recordId;
  RecordChanges changes;
  std::optional<std::int64_t> expectedVersion;
};

class RecordWriter {
 public:
  RecordWriter(store::Session& session, const SchemaSource& schemas, TableSchema schema,
               std::string userId, bool keyById, bool typecast);

  // The stored values and links of a record's "fields" object. Throws
  // ApiError 400 (unknown_field, field_not_writable, invalid_cell: also
  // for a linked id that is no record of the linked table, naming it)
  // naming `where` (e.g. "records[3]") and the field.
  RecordChanges encode(const boost::json::object& fields, const std::string& where);

  // Returns the new record ids (and rows as written, see insertRecords).
  // Each call refreshes the materialised fields its writes change (here
  // and in linked tables) once, for all of them, before it returns.
  InsertedRecords insert(const std::vector<RecordChanges>& records);
  // Returns the rows as written, in the order of `updates`, for a table
  // whose rows hold every field (see updateRecord); nullopt for any
  // other. Throws ApiError 404 record_not_found, 409 version_conflict.
  std::optional<store::Rows> update(const std::vector<RecordUpdate>& updates);
  // Saves select choices that typecast added. Call once, after encoding.
  void saveAddedChoices();

  const TableSchema& schema() const { return schema_; }
  // The schema written with, moved out, for encoding the answer after the
  // commit. The writer is not used again.
  TableSchema takeSchema() { return std::move(schema_); }

 private:
  std::vector<std::string> linkIds(const FieldDef& field, const boost::json::value& value);
  // Sets the record's links, and advances the records whose cells that
  // changed too.
  void writeLinks(const std::string& recordId, const std::vector<LinkCell>& links);
  std::vector<std::string> fieldIdsOf(const RecordChanges& changes) const;

  store::Session& session_;
  MaterialisedRefresh refresh_;
  TableSchema schema_;
  std::string userId_;
  bool keyById_;
  bool typecast_;
  std::vector<bool> optionsChanged_;
};

}  // namespace tessera::features
