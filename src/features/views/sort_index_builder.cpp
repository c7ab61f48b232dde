#include "features/views/sort_index_builder.h"

#include "features/schema/schema_store.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_store.h"
#include "store/store_error.h"

namespace tessera::features {
namespace {

constexpr int kBuildAttempts = 5;
constexpr std::chrono::milliseconds kRetryPause{200};

}  // namespace

SortIndexBuilder::SortIndexBuilder(store::Database& database,
                                   std::function<void(const std::string&)> onFailure)
    : database_(database), onFailure_(std::move(onFailure)), thread_([this] { run(); }) {}

SortIndexBuilder::~SortIndexBuilder() { stop(); }

void SortIndexBuilder::schedule(const std::string& tableId) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    scheduled_.insert(tableId);
  }
  changed_.notify_all();
}

void SortIndexBuilder::scheduleEveryTable() {
  for (const std::string& tableId :
       database_.read([](store::Session& session) { return loadTableIdsWithViews(session); })) {
    schedule(tableId);
  }
}

void SortIndexBuilder::waitUntilIdle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || (scheduled_.empty() && !building_); });
}

void SortIndexBuilder::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    scheduled_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void SortIndexBuilder::run() {
  while (true) {
    std::string tableId;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return stopping_ || !scheduled_.empty(); });
      if (stopping_) return;
      tableId = *scheduled_.begin();
      scheduled_.erase(scheduled_.begin());
      building_ = true;
    }
    buildWithRetries(tableId);
    {
      std::lock_guard lock(mutex_);
      building_ = false;
    }
    changed_.notify_all();
  }
}

void SortIndexBuilder::buildWithRetries(const std::string& tableId) {
  for (int attempt = 1;; ++attempt) {
    try {
      build(tableId);
      return;
    } catch (const store::StoreError& error) {
      // A deadlock with a field change (or another node's builder) on the
      // same table: one side loses and the other goes on; build again.
      const bool again = error.kind() == store::StoreError::Kind::Conflict &&
                         attempt < kBuildAttempts && !stoppedWithin(attempt * kRetryPause);
      if (!again) {
        onFailure_("building the sort indexes of table " + tableId + " failed: " + error.what());
        return;
      }
    } catch (const std::exception& error) {
      onFailure_("building the sort indexes of table " + tableId + " failed: " + error.what());
      return;
    }
  }
}

bool SortIndexBuilder::stoppedWithin(std::chrono::milliseconds pause) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, pause, [this] { return stopping_; });
}

namespace {

struct TableIndexes {
  TableSchema schema;
  std::vector<SortIndex> wanted;
  std::vector<std::string> unwanted;  // existing, but no view wants them now
};

// The table, the indexes its views want now and those it has that they do
// not; nullopt once the table is gone.
std::optional<TableIndexes> indexesNow(store::Database& database, const std::string& tableId) {
  return database.read([&](store::Session& session) -> std::optional<TableIndexes> {
    auto schema = loadTableSchema(session, tableId);
    if (!schema) return std::nullopt;
    TableIndexes indexes{std::move(*schema), {}, {}};
    indexes.wanted = wantedSortIndexes(indexes.schema, loadViews(session, tableId));
    std::set<std::string> wantedNames;
    for (const SortIndex& index : indexes.wanted) wantedNames.insert(index.name);
    for (std::string& name : existingSortIndexes(session, indexes.schema)) {
      if (!wantedNames.contains(name)) indexes.unwanted.push_back(std::move(name));
    }
    return indexes;
  });
}

}  // namespace

void SortIndexBuilder::build(const std::string& tableId) {
  const auto before = indexesNow(database_, tableId);
  if (!before) return;
  for (const std::string& name : before->unwanted) database_.dropIndex(name);
  buildSortIndexes(database_, before->schema, before->wanted);
  // A view changed during the build may no longer want what was built.
  if (const auto after = indexesNow(database_, tableId)) {
    for (const std::string& name : after->unwanted) database_.dropIndex(name);
  }
}

}  // namespace tessera::features
