// The storage interface every feature uses. A Database hands out a Session
// bound to one transaction: read() for a consistent snapshot, write() for an
// atomic, durable change. SQL is the portable subset both backends speak,
// with `?` placeholders; values are always bound, never spliced into text.
// A PostgreSQL backend implements the same two classes; feature code does
// not change.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "store/sql_value.h"

namespace tessera::store {

// The SQL a backend speaks beyond the portable subset. Only code that must
// write backend-specific SQL (compiled formulas) asks for it.
enum class SqlDialect { Sqlite, Postgres };

// A connection inside one open transaction. Valid only within the callback
// that received it.
class Session {
 public:
  virtual ~Session() = default;

  virtual Rows query(std::string_view sql, std::span<const SqlValue> params) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) = 0;
  // Runs several parameterless statements (migrations, DDL).
  virtual void executeScript(std::string_view sql) = 0;
  virtual SqlDialect dialect() const = 0;
  // Calls `onRow` for each row in order without keeping the rows, for
  // results written out as they are read; the row is valid only during the
  // call. A backend that cannot stream reads all the rows first.
  virtual void queryEach(std::string_view sql, std::span<const SqlValue> params,
                         const std::function<void(const Row&)>& onRow) {
    for (const Row& row : query(sql, params)) onRow(row);
  }

  // The write generation (Database::writeGeneration) as of this session's
  // own snapshot, when it was read in it; nullopt otherwise. A cache keyed
  // by it matches what this session reads.
  virtual std::optional<std::uint64_t> snapshotGeneration() const { return std::nullopt; }

  Rows query(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
    return query(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }
  std::int64_t execute(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
    return execute(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }
};

// What a backend can say about its load, for /metrics.
struct DatabaseStats {
  std::size_t queuedWrites = 0;     // waiting for the SQLite writer thread
  std::size_t idleConnections = 0;  // pooled and free
  // Since start: writes run again after a serialization conflict with a
  // concurrent one (PostgreSQL; SQLite's single writer has none).
  std::uint64_t writeRetries = 0;
  // Since start: requests run again because the write generation they went
  // ahead on had moved (GenerationMoved; PostgreSQL only).
  std::uint64_t requestsRunAgain = 0;
};

class Database {
 public:
  using Work = std::function<void(Session&)>;

  virtual ~Database() = default;

  // Runs `work` in a read-only snapshot. May run concurrently with other
  // reads and with a write.
  virtual void readWith(const Work& work) = 0;

  // Runs `work` atomically and returns once the change is durable. An
  // exception thrown by `work` rolls back its changes (only its own) and is
  // rethrown here. REQUIRES: `work` does not call back into this Database.
  virtual void writeWith(const Work& work) = 0;

  // Finishes queued writes and closes every connection.
  virtual void close() = 0;

  virtual DatabaseStats stats() = 0;

  // For caches of what was read: a number that advances with every
  // committed write, by any process or node, that changed a table a cache
  // may read (all but audit events, field and view metadata and record
  // tables, whose changes are frequent; on PostgreSQL, triggers keep it in
  // a row of its own). Read it before reading what it guards; a cached
  // value is current while the number has not moved. nullopt when it
  // cannot be known: then nothing may be cached.
  virtual std::optional<std::uint64_t> writeGeneration() = 0;

  // Bracket one request served on the calling thread (GenerationPin does
  // it; brackets may nest, and the outermost counts: beginRequest returns
  // whether this one is). Between them a backend whose writeGeneration()
  // costs a round trip (PostgreSQL) serves the request's reads in one read
  // transaction, reads the generation once in it, and answers from that; a
  // write of this thread ends it, so what is read after the write sees it.
  // Such a backend may answer writeGeneration() with the generation it
  // last saw and read the real one in the same round trip as the
  // request's first statement: if they differ, that statement (or
  // confirmRequest, or a write, whichever comes first) throws
  // GenerationMoved, before anything read is returned or anything is
  // written, and the request must run again from the start. Either way a
  // cache is never trusted past a change committed before the request
  // asked.
  virtual bool beginRequest() { return true; }
  virtual void endRequest() {}
  // Before a request's answer is given: checks the generation it went
  // ahead on, if no statement has yet (see beginRequest); throws
  // GenerationMoved when it has moved.
  virtual void confirmRequest() {}

  // Creates the index `name` (a quoted identifier) on `table` over
  // `columns` if it does not exist, holding other writers back as little as
  // the backend allows: PostgreSQL builds it CONCURRENTLY, outside any
  // transaction, while writes to the table go on (an invalid index left by
  // a failed build is dropped and built again); SQLite builds it as one
  // write of its own, and writes queue behind it (none fails). Throws
  // StoreError when the table is gone or the build fails.
  virtual void buildIndex(std::string_view name, std::string_view table,
                          std::string_view columns) = 0;

  // Drops the index `name` (a quoted identifier) if it exists, as
  // buildIndex builds one: CONCURRENTLY on PostgreSQL, outside any
  // transaction, while reads and writes of the table go on; on SQLite as
  // one write of its own. Throws StoreError when the drop fails.
  virtual void dropIndex(std::string_view name) = 0;

  // Convenience forms that return what the callback returns.
  template <class F>
  auto read(F&& work) -> std::invoke_result_t<F, Session&> {
    return run(&Database::readWith, std::forward<F>(work));
  }
  template <class F>
  auto write(F&& work) -> std::invoke_result_t<F, Session&> {
    return run(&Database::writeWith, std::forward<F>(work));
  }

 private:
  template <class F>
  auto run(void (Database::*method)(const Work&), F&& work) -> std::invoke_result_t<F, Session&> {
    using Result = std::invoke_result_t<F, Session&>;
    if constexpr (std::is_void_v<Result>) {
      (this->*method)([&](Session& session) { work(session); });
    } else {
      std::optional<Result> result;
      (this->*method)([&](Session& session) { result.emplace(work(session)); });
      return std::move(*result);
    }
  }
};

// Brackets one request on the calling thread (Database::beginRequest).
class GenerationPin {
 public:
  explicit GenerationPin(Database& database)
      : database_(database), outermost_(database_.beginRequest()) {}
  ~GenerationPin() { database_.endRequest(); }
  GenerationPin(const GenerationPin&) = delete;
  GenerationPin& operator=(const GenerationPin&) = delete;

  // False for a request made while another runs on this thread (an MCP
  // tool call's API requests), which shares the other's transaction.
  bool outermost() const { return outermost_; }

 private:
  Database& database_;
  bool outermost_;
};

// Thrown when a request went ahead on a write generation that its own
// snapshot shows has moved (Database::beginRequest), before anything it
// read was used or anything was written; the outermost request runs again
// from the start. Deliberately not a std::exception, so that the clauses
// of handlers that turn exceptions into error answers let it through.
struct GenerationMoved {};

}  // namespace tessera::store
