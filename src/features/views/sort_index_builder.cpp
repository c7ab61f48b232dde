#include "features/views/sort_index_builder.h"

#include "features/schema/schema_store.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_store.h"
#include "store/store_error.h"

namespace tessera::features {

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
    try {
      build(tableId);
    } catch (const std::exception& error) {
      onFailure_("building the sort indexes of table " + tableId + " failed: " + error.what());
    }
    {
      std::lock_guard lock(mutex_);
      building_ = false;
    }
    changed_.notify_all();
  }
}

namespace {

struct TableIndexes {
  TableSchema schema;
  std::vector<SortIndex> wanted;
};

// The table and the indexes its views want now; nullopt once it is gone.
std::optional<TableIndexes> wantedNow(store::Database& database, const std::string& tableId) {
  return database.read([&](store::Session& session) -> std::optional<TableIndexes> {
    auto schema = loadTableSchema(session, tableId);
    if (!schema) return std::nullopt;
    auto wanted = wantedSortIndexes(*schema, loadViews(session, tableId));
    return TableIndexes{std::move(*schema), std::move(wanted)};
  });
}

}  // namespace

void SortIndexBuilder::build(const std::string& tableId) {
  const auto before = wantedNow(database_, tableId);
  if (!before) return;
  buildSortIndexes(database_, before->schema, before->wanted);
  // A view changed during the build may no longer want what was built (its
  // change dropped the index before the build made it).
  const auto after = wantedNow(database_, tableId);
  std::set<std::string> stillWanted;
  if (after) {
    for (const SortIndex& index : after->wanted) stillWanted.insert(index.name);
  }
  database_.write([&](store::Session& session) {
    for (const SortIndex& built : before->wanted) {
      if (!stillWanted.contains(built.name)) dropSortIndex(session, built.name);
    }
  });
}

}  // namespace tessera::features
