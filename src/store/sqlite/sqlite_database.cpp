#include "store/sqlite/sqlite_database.h"

#include <exception>
#include <filesystem>
#include <semaphore>
#include <string_view>
#include <utility>

#include "store/sqlite/sqlite_connection.h"
#include "store/store_error.h"

namespace tessera::store {
namespace {

// Upper bound on writes folded into one commit; keeps one batch's latency
// bounded under a flood of writes.
constexpr std::size_t kMaxBatch = 512;

// Whether a cache may hold what `table` holds. The caches read accounts,
// tokens, spaces, bases, tables and memberships (token verification and
// role look-up); a table not named here counts as cached, so a new cache
// cannot be missed. DDL fires no row changes, and no code changes these
// tables by DDL or by a DELETE without WHERE.
bool mayBeCached(std::string_view table) {
  return table != "audit_events" && table != "fields_meta" && table != "views_meta" &&
         !table.starts_with("t_");
}

}  // namespace

std::string generationCounterPath(const std::string& path) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  const std::filesystem::path real = exists ? std::filesystem::canonical(path, error)
                                            : std::filesystem::weakly_canonical(path, error);
  if (error) {
    throw StoreError(StoreError::Kind::Unavailable,
                     "cannot resolve " + path + ": " + error.message());
  }
  if (exists && std::filesystem::hard_link_count(real, error) > 1) {
    throw StoreError(StoreError::Kind::Other,
                     "the database file " + real.string() +
                         " has more than one hard link; open it by one name (a symlink is fine)");
  }
  return real.string() + "-generation";
}

// A caller's write in the queue. The writer thread sets `failure` (moved
// in, so the writer keeps no reference to the exception), then releases
// `done`, which wakes that caller and no other (a condition variable
// shared by all woke every waiting caller at each commit); the caller then
// owns the exception alone and frees it in its own thread, where
// ThreadSanitizer sees every use come before the free (std::promise would
// free it in whichever thread let go last).
struct SqliteDatabase::PendingWrite {
  explicit PendingWrite(const Work& w) : work(&w) {}
  const Work* work;
  std::exception_ptr failure;
  std::binary_semaphore done{0};
};

SqliteDatabase::SqliteDatabase(std::string path)
    : path_(std::move(path)),
      writer_(std::make_unique<SqliteConnection>(path_, false)),
      writeGeneration_(generationCounterPath(path_)) {
  writer_->watchRowChanges([this](std::string_view table) {
    cachedTablesChanged_ = cachedTablesChanged_ || mayBeCached(table);
  });
  writerThread_ = std::thread([this] { writerLoop(); });
}

SqliteDatabase::~SqliteDatabase() { close(); }

void SqliteDatabase::close() {
  {
    std::lock_guard lock(queueMutex_);
    if (closing_) return;
    closing_ = true;
  }
  queueChanged_.notify_all();
  if (writerThread_.joinable()) writerThread_.join();
  std::lock_guard lock(readersMutex_);
  idleReaders_.clear();
  writer_.reset();
}

std::unique_ptr<SqliteConnection> SqliteDatabase::takeReader() {
  {
    std::lock_guard lock(readersMutex_);
    if (!idleReaders_.empty()) {
      auto reader = std::move(idleReaders_.back());
      idleReaders_.pop_back();
      return reader;
    }
  }
  return std::make_unique<SqliteConnection>(path_, true);
}

void SqliteDatabase::returnReader(std::unique_ptr<SqliteConnection> reader) {
  std::lock_guard lock(readersMutex_);
  idleReaders_.push_back(std::move(reader));
}

std::optional<std::uint64_t> SqliteDatabase::writeGeneration() { return writeGeneration_.load(); }

void SqliteDatabase::buildIndex(std::string_view name, std::string_view table,
                                std::string_view columns) {
  const std::string sql = "CREATE INDEX IF NOT EXISTS " + std::string(name) + " ON " +
                          std::string(table) + " (" + std::string(columns) + ")";
  write([&](Session& session) { session.executeScript(sql); });
}

void SqliteDatabase::dropIndex(std::string_view name) {
  const std::string sql = "DROP INDEX IF EXISTS " + std::string(name);
  write([&](Session& session) { session.executeScript(sql); });
}

DatabaseStats SqliteDatabase::stats() {
  DatabaseStats result;
  {
    std::lock_guard lock(queueMutex_);
    result.queuedWrites = queue_.size();
  }
  std::lock_guard lock(readersMutex_);
  result.idleConnections = idleReaders_.size();
  return result;
}

void SqliteDatabase::readWith(const Work& work) {
  auto reader = takeReader();
  reader->execute("BEGIN");
  try {
    work(*reader);
  } catch (...) {
    reader->execute("ROLLBACK");
    returnReader(std::move(reader));
    throw;
  }
  reader->execute("COMMIT");
  returnReader(std::move(reader));
}

void SqliteDatabase::writeWith(const Work& work) {
  PendingWrite pending(work);
  {
    std::lock_guard lock(queueMutex_);
    if (closing_) throw StoreError(StoreError::Kind::Unavailable, "database is closed");
    queue_.push_back(&pending);
  }
  queueChanged_.notify_one();
  pending.done.acquire();
  if (pending.failure) std::rethrow_exception(std::move(pending.failure));
}

void SqliteDatabase::writerLoop() {
  std::vector<PendingWrite*> batch;
  while (true) {
    {
      std::unique_lock lock(queueMutex_);
      queueChanged_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, and every queued write is done
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    commitBatch(batch);
    batch.clear();
  }
}

void SqliteDatabase::commitBatch(std::vector<PendingWrite*>& batch) {
  std::vector<std::exception_ptr> failures(batch.size());
  try {
    writer_->execute("BEGIN IMMEDIATE");
    for (std::size_t i = 0; i < batch.size(); ++i) {
      writer_->execute("SAVEPOINT write_call");
      try {
        (*batch[i]->work)(*writer_);
        writer_->execute("RELEASE write_call");
      } catch (...) {
        failures[i] = std::current_exception();
        writer_->execute("ROLLBACK TO write_call");
        writer_->execute("RELEASE write_call");
      }
    }
    writer_->execute("COMMIT");
    if (std::exchange(cachedTablesChanged_, false)) writeGeneration_.increment();
  } catch (const std::exception& error) {
    // The transaction itself failed (disk full, I/O error): nothing of the
    // batch is durable, so every caller learns of it, each from an
    // exception of its own.
    cachedTablesChanged_ = false;
    try {
      writer_->execute("ROLLBACK");
    } catch (...) {
      // Already rolled back by SQLite.
    }
    const auto* storeError = dynamic_cast<const StoreError*>(&error);
    for (std::exception_ptr& failure : failures) {
      failure = std::make_exception_ptr(
          StoreError(storeError ? storeError->kind() : StoreError::Kind::Other, error.what()));
    }
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    batch[i]->failure = std::move(failures[i]);
    batch[i]->done.release();  // the caller may free batch[i] from here on
  }
}

}  // namespace tessera::store
