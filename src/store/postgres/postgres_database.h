// The PostgreSQL backend, for several Tessera nodes on one database. A pool
// of libpq connections used by the calling thread (handlers are
// synchronous, so each request thread holds one connection while it works).
// Reads run in a REPEATABLE READ READ ONLY transaction (one snapshot);
// writes run SERIALIZABLE and are retried when PostgreSQL reports a
// serialization failure or deadlock, so a write behaves as if it ran alone,
// on every node. A commit returns once PostgreSQL has made it durable.
// The write generation is the row that migration 15's triggers advance.
// Between beginRequest and endRequest the reads of a request on one
// thread share one read transaction (one snapshot), which a write of that
// thread ends; the generation is read once in it, in the round trip of its
// first statement, the request going ahead on the last one seen until
// then (GenerationMoved when they differ).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"

namespace tessera::store {

class PostgresConnection;

class PostgresDatabase final : public Database {
 public:
  // Connects once to check the URL; throws StoreError(Unavailable) if the
  // server cannot be reached.
  explicit PostgresDatabase(std::string url);
  ~PostgresDatabase() override;

  void readWith(const Work& work) override;
  void writeWith(const Work& work) override;
  void close() override;
  DatabaseStats stats() override;
  // In a request: the generation this node last saw, checked in the round
  // trip of the request's first statement (Database::beginRequest), or
  // read in the request's read transaction when none was seen or the
  // request has written; without a request, read in a transaction of its
  // own.
  std::optional<std::uint64_t> writeGeneration() override;
  bool beginRequest() override;
  void endRequest() override;
  void confirmRequest() override;
  void buildIndex(std::string_view name, std::string_view table, std::string_view columns) override;
  void dropIndex(std::string_view name) override;

  // Runs `run` while holding a cluster-wide advisory lock, so that nodes
  // starting together apply schema migrations one at a time.
  void withMigrationLock(const std::function<void()>& run);

 private:
  enum class Access { Read, Write };
  void runTransaction(Access access, const Work& work);
  // Runs `work` in the read transaction of the request on this thread,
  // opening it if none is open.
  void readInRequest(const Work& work);
  void openPinnedRead();
  // After GenerationMoved: keeps the generation found, rolls the request's
  // read transaction back, and assumes nothing for the rest of the request.
  void abandonAssumedGeneration();
  // Keeps the highest generation seen, for requests to assume.
  void noteGeneration(std::uint64_t generation);
  enum class Ending { Commit, RollBack };
  // Ends the read transaction of the request on this thread, if one is
  // open, and gives its connection back.
  void endPinnedRead(Ending ending) noexcept;
  // Runs `work` in one transaction on `connection` and gives it back.
  void runOn(std::unique_ptr<PostgresConnection> connection, Access access, const Work& work);
  std::unique_ptr<PostgresConnection> take();
  void give(std::unique_ptr<PostgresConnection> connection);
  void dropIdle();

  const std::string url_;
  std::mutex mutex_;
  std::atomic<std::uint64_t> writeRetries_{0};
  std::atomic<std::uint64_t> requestsRunAgain_{0};
  std::atomic<std::uint64_t> plansChanged_{0};    // see PostgresConnection
  std::atomic<std::int64_t> lastGeneration_{-1};  // -1 until one is read
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  bool closed_ = false;
};

}  // namespace tessera::store
