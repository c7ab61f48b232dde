// One libpq connection, used as a store::Session inside a transaction that
// PostgresDatabase opens. Parameters are sent typed (bigint, double
// precision, or text left for PostgreSQL to infer); result cells come back
// as SqlValues by column type. Errors become StoreErrors by SQLSTATE.
#pragma once

#include <string>

#include "store/database.h"

struct pg_conn;

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

 private:
  pg_conn* connection_;
  std::int64_t lastChanged_ = 0;  // rows changed by the last statement
};

}  // namespace tessera::store
