// One libpq connection, used as a store::Session inside a transaction that
// PostgresDatabase opens. Parameters are sent typed (bigint, double
// precision, or text left for PostgreSQL to infer); result cells come back
// as SqlValues by column type. Errors become StoreErrors by SQLSTATE.
// A transaction costs no round trip of its own: its BEGIN goes out in one
// pipeline with its first statement, and a read's COMMIT is sent without
// waiting for the answer, which is collected before the next statement.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"

struct pg_conn;
struct pg_result;

namespace tessera::store {

class PostgresConnection final : public Session {
 public:
  // Connects; throws StoreError(Unavailable) when the server cannot be
  // reached. `url` is a libpq connection string or postgres:// URL.
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Rows query(std::string_view sql, std::span<const SqlValue> params) override;
  std::int64_t execute(std::string_view sql, std::span<const SqlValue> params) override;
  void executeScript(std::string_view sql) override;
  SqlDialect dialect() const override { return SqlDialect::Postgres; }
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
  // Runs one statement: alone, or after the BEGIN that waits for it.
  Result run(const std::string& sql, std::span<const SqlValue> params);
  // Reads the answers to a pipeline of `statements` statements and its
  // sync, and leaves pipeline mode. Throws only when the connection broke.
  std::vector<Result> finishPipeline(int statements);
  // Records whether a transaction is open after a statement that may have
  // begun one.
  void noteTransactionState();
  [[noreturn]] void breakDown();

  pg_conn* connection_;
  bool broken_ = false;  // the protocol state is unknown: never reused
  std::string pendingBegin_;
  bool transactionStarted_ = false;
  bool commitPending_ = false;    // a COMMIT's answer is still to be read
  std::int64_t lastChanged_ = 0;  // rows changed by the last statement
};

}  // namespace tessera::store
