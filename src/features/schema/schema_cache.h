// Table schemas kept in memory between requests. A cached schema is used
// only while the table's schema_version, read in the caller's own
// transaction (one indexed look-up), is the one it was loaded at; every
// change to a table's row or fields advances that version in the same
// transaction (touchTableSchema), so the schema used always matches the
// snapshot being read, on every backend and whichever node made the change.
// Where the session knows the write generation of its snapshot
// (Session::snapshotGeneration, PostgreSQL within a request), the version
// is not read again while that generation is the one it was last checked
// at: every change to tables_meta advances the generation too.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

class SchemaCache {
 public:
  // The table's schema; throws ApiError 404 when there is no such table.
  std::shared_ptr<const TableSchema> require(store::Session& session, const std::string& tableId);

 private:
  struct Entry {
    std::int64_t version;
    std::optional<std::uint64_t> checkedAt;  // a generation at which `version` was read
    std::shared_ptr<const TableSchema> schema;
  };
  static constexpr std::size_t kCapacity = 1000;  // tables; all are dropped when it is reached

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace tessera::features
