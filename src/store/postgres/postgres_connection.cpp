#include "store/postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "store/postgres/placeholders.h"
#include "store/store_error.h"

namespace tessera::store {
namespace {

// Type OIDs from PostgreSQL's pg_type.h (stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

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
                   std::string("postgres: ") + PQerrorMessage(connection));
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

}  // namespace

namespace {

// A server that does not answer fails the request in seconds, not minutes,
// unless the URL sets its own connect_timeout.
pg_conn* connect(const std::string& url) {
  const char* keywords[] = {"connect_timeout", "dbname", nullptr};
  const char* values[] = {"5", url.c_str(), nullptr};
  return PQconnectdbParams(keywords, values, 1);
}

}  // namespace

PostgresConnection::PostgresConnection(const std::string& url) : connection_(connect(url)) {
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

bool PostgresConnection::healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

Rows PostgresConnection::query(std::string_view sql, std::span<const SqlValue> params) {
  const std::string text = numberPlaceholders(sql);
  std::vector<std::string> storage(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<Oid> types(params.size(), 0);
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
  Result result(PQexecParams(connection_, text.c_str(), static_cast<int>(params.size()),
                             types.data(), values.data(), nullptr, nullptr, 0),
                &PQclear);
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

std::int64_t PostgresConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  lastChanged_ = 0;
  query(sql, params);
  return lastChanged_;
}

void PostgresConnection::executeScript(std::string_view sql) {
  Result result(PQexec(connection_, std::string(sql).c_str()), &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(connection_, result.get());
}

}  // namespace tessera::store
