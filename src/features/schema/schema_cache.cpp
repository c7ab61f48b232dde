#include "features/schema/schema_cache.h"

#include "features/schema/schema_store.h"
#include "http/api_error.h"

namespace tessera::features {

std::shared_ptr<const TableSchema> SchemaCache::require(store::Session& session,
                                                        const std::string& tableId) {
  const std::optional<std::uint64_t> generation = session.snapshotGeneration();
  if (generation) {
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(tableId);
    if (found != entries_.end() && found->second.checkedAt == generation) {
      return found->second.schema;
    }
  }
  const auto version = loadSchemaVersion(session, tableId);
  if (!version) throw http::notFound("Table not found.");
  const std::int64_t current = *version;
  {
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(tableId);
    if (found != entries_.end() && found->second.version == current) {
      if (generation) found->second.checkedAt = generation;
      return found->second.schema;
    }
  }
  auto schema = std::make_shared<const TableSchema>(requireTableSchema(session, tableId));
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kCapacity) entries_.clear();
  entries_.insert_or_assign(tableId, Entry{current, generation, schema});
  return schema;
}

}  // namespace tessera::features
