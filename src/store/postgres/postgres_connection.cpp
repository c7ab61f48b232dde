#include "store/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "store/postgres/placeholders.h"
#include "store/postgres/prepared_statements.h"
#include "store/store_error.h"

namespace tessera::store {
namespace {

// Type OIDs from PostgreSQL's pg_type.h (stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

StoreError::Kind kindOf(std::string_view sqlState, bool connectionLost) {
  if (connectionLost || sqlState.starts_with("08") || sqlState == "57P01" || sqlState == "57P02" ||
      sqlState == "57P03") {
    return StoreError::Kind::Unavailable;
  }
  if (sqlState == "23505") return StoreError::Kind::UniqueViolation;
  if (sqlState == "23503") return StoreError::Kind::ForeignKeyViolation;
  if (sqlState == "40001" || sqlState == "40P01") return StoreError::Kind::Conflict;
  return StoreError::Kind::Other;
}

[[noreturn]] void fail(pg_conn* connection, const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const bool lost = PQstatus(connection) != CONNECTION_OK;
  throw StoreError(kindOf(state ? state : "", lost),
                   std::string("postgres: ") +
                       (result ? PQresultErrorMessage(result) : PQerrorMessage(connection)));
}

SqlValue cell(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return nullptr;
  const char* text = PQgetvalue(result, row, column);
  const int length = PQgetlength(result, row, column);
  switch (PQftype(result, column)) {
    case kBool:
      return std::int64_t{text[0] == 't' ? 1 : 0};
    case kInt2:
    case kInt4:
    case kInt8: {
      std::int64_t value = 0;
      std::from_chars(text, text + length, value);
      return value;
    }
    case kFloat4:
    case kFloat8:
    case kNumeric:
      return std::strtod(text, nullptr);
    default:
      return std::string(text, static_cast<std::size_t>(length));
  }
}

// A statement's parameters as libpq takes them.
struct BoundParams {
  explicit BoundParams(std::span<const SqlValue> params)
      : storage(params.size()), values(params.size(), nullptr), types(params.size(), 0) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* integer = std::get_if<std::int64_t>(&params[i])) {
        storage[i] = std::to_string(*integer);
        types[i] = kInt8;
      } else if (const auto* real = std::get_if<double>(&params[i])) {
        char buffer[32];
        const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *real);
        storage[i].assign(buffer, end);
        types[i] = kFloat8;
      } else if (const auto* string = std::get_if<std::string>(&params[i])) {
        storage[i] = *string;
      } else {
        continue;  // NULL
      }
      values[i] = storage[i].c_str();
    }
  }
  std::vector<std::string> storage;
  std::vector<const char*> values;
  std::vector<Oid> types;
};

// What a prepared statement is kept by: its text and its parameters'
// types, since the types are fixed when it is prepared.
std::string statementKey(const std::string& sql, const std::vector<Oid>& types) {
  std::string key = sql;
  key += '\0';
  for (const Oid type : types) key += std::to_string(type) + ',';
  return key;
}

// A server that does not answer fails the request in seconds, not minutes,
// unless the URL sets its own connect_timeout.
pg_conn* connect(const std::string& url) {
  const char* keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"5", url.c_str(), nullptr};
  return PQconnectdbParams(keywords, values, 1);
}

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url,
                                       std::atomic<std::uint64_t>* plansChanged)
    : connection_(connect(url)),
      plansChanged_(plansChanged),
      plansChangedSeen_(plansChanged ? plansChanged->load() : 0) {
  if (PQstatus(connection_) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(connection_);
    PQfinish(connection_);
    throw StoreError(StoreError::Kind::Unavailable, "postgres: " + message);
  }
  // Notices (e.g. "table does not exist, skipping") are not for the log.
  PQsetNoticeProcessor(
      connection_, [](void*, const char*) {}, nullptr);
  // Compiled formulas write text literals with '' as the only escape,
  // which is what they mean only while this is on (the default since
  // PostgreSQL 9.1, but a server or role may turn it off).
  try {
    executeScript("SET standard_conforming_strings = on");
  } catch (...) {
    PQfinish(connection_);
    throw;
  }
}

PostgresConnection::~PostgresConnection() { PQfinish(connection_); }

bool PostgresConnection::healthy() const {
  return !broken_ && PQstatus(connection_) == CONNECTION_OK;
}

Rows PostgresConnection::query(std::string_view sql, std::span<const SqlValue> params) {
  const Result result = run(numberPlaceholders(sql), params);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(connection_, result.get());
  Rows rows;
  const int rowCount = PQntuples(result.get());
  const int columnCount = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(rowCount));
  for (int row = 0; row < rowCount; ++row) {
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(columnCount));
    for (int column = 0; column < columnCount; ++column) {
      cells.push_back(cell(result.get(), row, column));
    }
    rows.emplace_back(std::move(cells));
  }
  if (status == PGRES_COMMAND_OK) lastChanged_ = std::atoll(PQcmdTuples(result.get()));
  return rows;
}

PostgresConnection::Result PostgresConnection::run(const std::string& sql,
                                                   std::span<const SqlValue> params) {
  collectPending();
  if (plansChanged_ && plansChanged_->load() != plansChangedSeen_) {
    plansChangedSeen_ = plansChanged_->load();
    prepared_.forgetAll();
  }
  const BoundParams bound(params);
  const int count = static_cast<int>(params.size());
  std::string key = statementKey(sql, bound.types);
  const std::string* prepared = prepared_.find(key);
  if (prepared && pendingBegin_.empty()) {
    return checkPlan(Result(PQexecPrepared(connection_, prepared->c_str(), count,
                                           bound.values.data(), nullptr, nullptr, 0),
                            &PQclear));
  }
  // One pipeline, one round trip: the BEGIN that waits for this statement,
  // the statements evicted to make room for it, its preparation, and it.
  if (PQenterPipelineMode(connection_) != 1) breakDown();
  int answersBeforeRun = 0;
  const auto send = [&](const std::string& statement) {
    ++answersBeforeRun;
    return PQsendQueryParams(connection_, statement.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                             0) == 1;
  };
  const bool begins = !pendingBegin_.empty();
  bool sent = !begins || send(std::exchange(pendingBegin_, {}));
  // The check of an assumed generation, prepared once like the rest.
  const bool checksGeneration = generationAssumed_;
  const bool preparesGeneration = checksGeneration && !generationPrepared_;
  if (preparesGeneration) {
    ++answersBeforeRun;
    sent =
        sent && PQsendPrepare(connection_, kGenerationStatement, kReadGeneration, 0, nullptr) == 1;
  }
  const int generationAnswer = answersBeforeRun;
  if (checksGeneration) {
    ++answersBeforeRun;
    sent = sent && PQsendQueryPrepared(connection_, kGenerationStatement, 0, nullptr, nullptr,
                                       nullptr, 0) == 1;
  }
  std::string name;
  if (prepared) {
    name = *prepared;
  } else {
    PreparedStatements::Reservation reservation = prepared_.reserve();
    if (reservation.deallocateAll) {
      sent = sent && send("DEALLOCATE ALL");
      generationPrepared_ = false;
    }
    for (const std::string& evicted : reservation.evicted) {
      sent = sent && send("DEALLOCATE " + evicted);
    }
    name = std::move(reservation.name);
    ++answersBeforeRun;
    sent = sent &&
           PQsendPrepare(connection_, name.c_str(), sql.c_str(), count, bound.types.data()) == 1;
  }
  sent = sent &&
         PQsendQueryPrepared(connection_, name.c_str(), count, bound.values.data(), nullptr,
                             nullptr, 0) == 1 &&
         PQpipelineSync(connection_) == 1;
  if (!sent) breakDown();
  std::vector<Result> answers = finishPipeline(answersBeforeRun + 1);
  if (begins) noteTransactionState();
  if (!prepared && PQresultStatus(answers[answersBeforeRun - 1].get()) == PGRES_COMMAND_OK) {
    prepared_.add(std::move(key), std::move(name));
  }
  if (preparesGeneration &&
      PQresultStatus(answers[generationAnswer - 1].get()) == PGRES_COMMAND_OK) {
    generationPrepared_ = true;
  }
  if (checksGeneration) checkAssumedGeneration(answers[generationAnswer].get());
  // The first failure is the cause; every statement after it was skipped.
  for (int i = 0; i < answersBeforeRun; ++i) {
    const ExecStatusType status = PQresultStatus(answers[i].get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      fail(connection_, answers[i].get());
    }
  }
  return prepared ? checkPlan(std::move(answers.back())) : std::move(answers.back());
}

void PostgresConnection::assumeGeneration(std::uint64_t assumed) {
  generation_ = assumed;
  generationAssumed_ = true;
}

void PostgresConnection::confirmGeneration() {
  if (!generationAssumed_) return;
  // The statement's own pipeline checks the generation (run).
  const Result answer = run(kReadGeneration, {});
  if (PQresultStatus(answer.get()) != PGRES_TUPLES_OK) fail(connection_, answer.get());
}

void PostgresConnection::checkAssumedGeneration(const pg_result* answer) {
  // A failed read is reported with the first failure of its pipeline.
  if (PQresultStatus(answer) != PGRES_TUPLES_OK || PQntuples(answer) != 1) return;
  generationAssumed_ = false;
  const auto actual = static_cast<std::uint64_t>(std::get<std::int64_t>(cell(answer, 0, 0)));
  if (generation_ == actual) return;
  generation_ = actual;
  throw GenerationMoved{};
}

PostgresConnection::Result PostgresConnection::checkPlan(Result result) {
  // PostgreSQL plans a prepared statement again after its tables change,
  // but refuses to when that changes the types of its result columns (a
  // field's type changed: "cached plan must not change result type").
  const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
  if (!state || std::string_view(state) != "0A000") return result;
  prepared_.forgetAll();
  if (plansChanged_) plansChangedSeen_ = ++*plansChanged_;
  throw StoreError(StoreError::Kind::Conflict,
                   std::string("postgres: ") + PQresultErrorMessage(result.get()));
}

std::vector<PostgresConnection::Result> PostgresConnection::finishPipeline(int statements) {
  std::vector<Result> answers;
  for (int i = 0; i < statements; ++i) {
    Result answer(nullptr, &PQclear);
    while (PGresult* next = PQgetResult(connection_)) answer.reset(next);
    if (!answer) breakDown();
    answers.push_back(std::move(answer));
  }
  const Result sync(PQgetResult(connection_), &PQclear);
  if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC ||
      PQexitPipelineMode(connection_) != 1) {
    breakDown();
  }
  return answers;
}

void PostgresConnection::breakDown() {
  broken_ = true;
  fail(connection_, nullptr);
}

void PostgresConnection::noteTransactionState() {
  const PGTransactionStatusType state = PQtransactionStatus(connection_);
  transactionStarted_ = state == PQTRANS_INTRANS || state == PQTRANS_INERROR;
}

void PostgresConnection::beginWithFirstStatement(std::string begin) {
  pendingBegin_ = std::move(begin);
  transactionStarted_ = false;
  generation_.reset();
  generationAssumed_ = false;
}

void PostgresConnection::commit(Answer answer) {
  pendingBegin_.clear();
  generation_.reset();
  generationAssumed_ = false;
  if (!std::exchange(transactionStarted_, false)) return;
  if (answer == Answer::Await) {
    executeScript("COMMIT");
    return;
  }
  const bool sent =
      PQenterPipelineMode(connection_) == 1 &&
      PQsendQueryParams(connection_, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
      PQpipelineSync(connection_) == 1;
  if (!sent) breakDown();
  commitPending_ = true;
}

void PostgresConnection::collectPending() {
  if (!std::exchange(commitPending_, false)) return;
  const std::vector<Result> answers = finishPipeline(1);
  if (PQresultStatus(answers[0].get()) != PGRES_COMMAND_OK) fail(connection_, answers[0].get());
}

void PostgresConnection::rollback() noexcept {
  pendingBegin_.clear();
  generation_.reset();
  generationAssumed_ = false;
  if (!std::exchange(transactionStarted_, false) || !healthy()) return;
  try {
    executeScript("ROLLBACK");
  } catch (...) {
    broken_ = true;  // dropped rather than reused in an unknown state
  }
}

std::int64_t PostgresConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  lastChanged_ = 0;
  query(sql, params);
  return lastChanged_;
}

void PostgresConnection::executeScript(std::string_view sql) {
  collectPending();
  // The simple protocol takes several statements in one round trip.
  std::string script = pendingBegin_.empty()
                           ? std::string(sql)
                           : std::exchange(pendingBegin_, {}) + "; " + std::string(sql);
  Result result(PQexec(connection_, script.c_str()), &PQclear);
  noteTransactionState();
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(connection_, result.get());
}

}  // namespace tessera::store
