// One libpq connection, used as a store::Session inside a transaction that
// PostgresDatabase opens. Parameters are sent typed (bigint, double
// precision, or text left for PostgreSQL to infer); result cells come back
// as SqlValues by column type. Errors become StoreErrors by SQLSTATE.
// Statements are prepared once per connection (PreparedStatements).
// A transaction costs no round trip of its own: its BEGIN goes out in one
// pipeline with its first statement, and a read's COMMIT is sent without
// waiting for the answer, which is collected before the next statement.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/postgres/prepared_statements.h"

struct pg_conn;
struct pg_result;

namespace tessera::store {

class PostgresConnection final : public Session {
 public:
  // Connects; throws StoreError(Unavailable) when the server cannot be
  // reached. `url` is a libpq connection string or postgres:// URL.
  // `plansChanged`, when given, is shared by the connections of one
  // database: a connection that finds a prepared statement's plan no
  // longer holds advances it, and each of them then forgets its prepared
  // statements before its next one.
  explicit PostgresConnection(const std::string& url,
                              std::atomic<std::uint64_t>* plansChanged = nullptr);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Rows query(std::string_view sql, std::span<const SqlValue> params) override;
  std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override;
  void executeScript(std::string_view sql) override;
  SqlDialect dialect() const override { return SqlDialect::Postgres; }
  std::optional<std::uint64_t> snapshotGeneration() const override { return generation_; }
  // Records the write generation this transaction read, until it ends.
  void rememberGeneration(std::uint64_t generation) { generation_ = generation; }

  // The statement that reads the write generation (migration 15's row).
  static constexpr const char* kReadGeneration = "SELECT value FROM cache_generation WHERE id = 1";
  // Takes `assumed` as the transaction's generation and reads the real one
  // in the round trip of its first statement. If they differ, that
  // statement throws GenerationMoved (and the transaction is to be rolled
  // back); snapshotGeneration() then gives the real one. REQUIRES: called
  // right after beginWithFirstStatement.
  void assumeGeneration(std::uint64_t assumed);
  // Reads the generation now if it is still assumed (one round trip, with
  // the BEGIN); throws GenerationMoved as above.
  void confirmGeneration();
  // Whether the generation is assumed and not yet read.
  bool generationAssumed() const { return generationAssumed_; }
  using Session::execute;
  using Session::query;

  // False once the connection to the server is lost.
  bool healthy() const;

  // Opens a transaction with `begin` (a BEGIN statement), sent in the same
  // round trip as the first statement that follows; nothing is sent if
  // none follows.
  void beginWithFirstStatement(std::string begin);
  enum class Answer { Await, Collect };
  // Commits the transaction (nothing, if it never started). With Await it
  // returns once PostgreSQL has answered (a write: then it is durable);
  // with Collect it returns at once and the answer is read before the next
  // statement (a read, which has nothing to make durable).
  void commit(Answer answer);
  // Rolls the transaction back, if it started; never throws.
  void rollback() noexcept;

 private:
  using Result = std::unique_ptr<pg_result, void (*)(pg_result*)>;
  // The answer to a COMMIT sent without waiting, collected before anything
  // else is sent.
  void collectPending();
  // Runs one statement as a prepared statement, preparing it first (in the
  // same round trip) if this connection has not yet; after the BEGIN that
  // waits for it, if any.
  Result run(const std::string& sql, std::span<const SqlValue> params);
  // Compares the generation read (`answer`) with the one assumed; throws
  // GenerationMoved when they differ.
  void checkAssumedGeneration(const pg_result* answer);
  // Passes `result` through, unless it is PostgreSQL's refusal to run a
  // prepared statement whose result types changed: then every prepared
  // statement is forgotten and a StoreError(Conflict) thrown, so the
  // transaction runs again.
  Result checkPlan(Result result);
  // Reads the answers to a pipeline of `statements` statements and its
  // sync, and leaves pipeline mode. Throws only when the connection broke.
  std::vector<Result> finishPipeline(int statements);
  // Records whether a transaction is open after a statement that may have
  // begun one.
  void noteTransactionState();
  [[noreturn]] void breakDown();

  pg_conn* connection_;
  PreparedStatements prepared_;
  std::atomic<std::uint64_t>* plansChanged_;
  std::uint64_t plansChangedSeen_;
  bool broken_ = false;  // the protocol state is unknown: never reused
  std::string pendingBegin_;
  bool transactionStarted_ = false;
  bool commitPending_ = false;               // a COMMIT's answer is still to be read
  std::int64_t lastChanged_ = 0;             // rows changed by the last statement
  std::optional<std::uint64_t> generation_;  // as read in this transaction
  bool generationAssumed_ = false;           // and not read yet
  // kReadGeneration is prepared under its own name, outside prepared_.
  static constexpr const char* kGenerationStatement = "generation";
  bool generationPrepared_ = false;
};

}  // namespace tessera::store
