// The SQLite backend: one file in WAL mode, one writer connection on its
// own thread that groups concurrent write() calls into one commit (each
// call in its own savepoint, so one failing call undoes only itself), and a
// pool of reader connections, one per concurrently reading thread. Each
// commit advances a counter shared with the other processes on the file.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/sqlite/shared_counter.h"

namespace tessera::store {

class SqliteConnection;

// The file of the cache counter of the database at `path`: beside the
// file's real path, so every path that reaches the file through symlinks
// names the same counter, and so does a path through a bind mount of its
// folder (the counter is then the same file too). A file that does not
// exist yet is named by its folder's real path. Throws StoreError when the
// path cannot be resolved, or when the file has a second hard link (which
// would name a second counter, and SQLite a second journal).
std::string generationCounterPath(const std::string& path);

class SqliteDatabase final : public Database {
 public:
  // Opens or creates the database file at `path`. Throws StoreError when
  // it cannot be opened or has a second hard link (generationCounterPath).
  explicit SqliteDatabase(std::string path);
  ~SqliteDatabase() override;

  void readWith(const Work& work) override;
  void writeWith(const Work& work) override;
  void close() override;
  DatabaseStats stats() override;
  // Kept in "<real path>-generation" (symlinks resolved, so every path to
  // the file names one counter), advanced by every process's commits.
  std::optional<std::uint64_t> writeGeneration() override;
  void buildIndex(std::string_view name, std::string_view table, std::string_view columns) override;
  void dropIndex(std::string_view name) override;

 private:
  struct PendingWrite;

  void writerLoop();
  void commitBatch(std::vector<PendingWrite*>& batch);
  std::unique_ptr<SqliteConnection> takeReader();
  void returnReader(std::unique_ptr<SqliteConnection> reader);

  const std::string path_;
  // Opened first: it creates the file, whose real path names the counter.
  std::unique_ptr<SqliteConnection> writer_;
  SharedCounter writeGeneration_;
  // Set when the open write transaction changed a table some cache may
  // have read (everything but audit events, field and view metadata and
  // record tables); the generation advances only then.
  bool cachedTablesChanged_ = false;

  std::mutex readersMutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idleReaders_;

  std::mutex queueMutex_;
  std::condition_variable queueChanged_;
  std::deque<PendingWrite*> queue_;
  bool closing_ = false;
  std::thread writerThread_;
};

}  // namespace tessera::store
