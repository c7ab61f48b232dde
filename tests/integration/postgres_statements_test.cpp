// Statements on a PostgreSQL connection are prepared once and run again by
// name (store/postgres/prepared_statements.h). PostgreSQL only: on SQLite
// every test is skipped.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "store/postgres/postgres_connection.h"
#include "store/store_error.h"
#include "support/files.h"
#include "support/test_database.h"

namespace tessera::testing {
namespace {

using store::PostgresConnection;
using store::SqlValue;

class PostgresStatementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!database_.onPostgres()) GTEST_SKIP() << "PostgreSQL only";
    connection_ = std::make_unique<PostgresConnection>(database_.url());
  }

  // The one cell of `sql`'s one row.
  SqlValue value(const std::string& sql, std::vector<SqlValue> params = {}) {
    const store::Rows rows = connection_->query(sql, params);
    EXPECT_EQ(rows.size(), 1u) << sql;
    return rows.empty() ? SqlValue{} : rows[0].value(0);
  }

  // How many statements this connection has prepared, counting this query.
  std::int64_t preparedCount() {
    return std::get<std::int64_t>(value("SELECT count(*) FROM pg_prepared_statements"));
  }

  TestDatabase database_{makeTempDir("tessera-pg-statements")};
  std::unique_ptr<PostgresConnection> connection_;
};

TEST_F(PostgresStatementsTest, ARepeatedStatementIsPreparedOnce) {
  for (std::int64_t i = 0; i < 5; ++i) {
    EXPECT_EQ(value("SELECT ? + 1", {i}), SqlValue{i + 1});
  }
  EXPECT_EQ(preparedCount(), 2);
  EXPECT_EQ(preparedCount(), 2);
}

TEST_F(PostgresStatementsTest, TheSameTextWithOtherParameterTypesIsAnotherStatement) {
  // Prepared for a bigint, the statement would refuse 2.5 and "x".
  const std::string sql = "SELECT ?::text";
  EXPECT_EQ(value(sql, {std::int64_t{7}}), SqlValue{std::string("7")});
  EXPECT_EQ(value(sql, {2.5}), SqlValue{std::string("2.5")});
  EXPECT_EQ(value(sql, {std::string("x")}), SqlValue{std::string("x")});
  EXPECT_EQ(value(sql, {std::int64_t{8}}), SqlValue{std::string("8")});
  EXPECT_EQ(preparedCount(), 4);
}

TEST_F(PostgresStatementsTest, ManyDistinctStatementsStayWithinTheBound) {
  for (std::int64_t i = 0; i < 300; ++i) {
    EXPECT_EQ(value("SELECT ? + " + std::to_string(i), {std::int64_t{1}}), SqlValue{i + 1});
  }
  EXPECT_LE(preparedCount(), 128);
  EXPECT_GE(preparedCount(), 100);  // the recent ones are kept
  // One evicted long ago is prepared again, under a new name.
  EXPECT_EQ(value("SELECT ? + 0", {std::int64_t{5}}), SqlValue{std::int64_t{5}});
}

TEST_F(PostgresStatementsTest, AStatementStillRunsAfterItsTableChanges) {
  connection_->executeScript("CREATE TABLE t (a bigint)");
  connection_->execute("INSERT INTO t (a) VALUES (?)", {SqlValue{std::int64_t{1}}});
  EXPECT_EQ(value("SELECT a FROM t WHERE a = ?", {std::int64_t{1}}), SqlValue{std::int64_t{1}});
  connection_->executeScript("ALTER TABLE t ADD COLUMN b text; UPDATE t SET b = 'x'");
  EXPECT_EQ(value("SELECT a FROM t WHERE a = ?", {std::int64_t{1}}), SqlValue{std::int64_t{1}});
  EXPECT_EQ(value("SELECT b FROM t WHERE a = ?", {std::int64_t{1}}), SqlValue{std::string("x")});
}

TEST_F(PostgresStatementsTest, AStatementThatFailedToPrepareIsPreparedWhenItCanBe) {
  EXPECT_THROW(value("SELECT a FROM later WHERE a = ?", {std::int64_t{1}}), store::StoreError);
  connection_->executeScript("CREATE TABLE later (a bigint); INSERT INTO later VALUES (1)");
  EXPECT_EQ(value("SELECT a FROM later WHERE a = ?", {std::int64_t{1}}), SqlValue{std::int64_t{1}});
}

TEST_F(PostgresStatementsTest, AFailedRunKeepsItsStatementAndTheTransactionRollsBack) {
  connection_->executeScript("CREATE TABLE u (a bigint PRIMARY KEY)");
  const std::string insert = "INSERT INTO u (a) VALUES (?)";
  connection_->beginWithFirstStatement("BEGIN");
  connection_->execute(insert, {SqlValue{std::int64_t{1}}});
  try {
    connection_->execute(insert, {SqlValue{std::int64_t{1}}});
    ADD_FAILURE() << "a duplicate key was accepted";
  } catch (const store::StoreError& error) {
    EXPECT_EQ(error.kind(), store::StoreError::Kind::UniqueViolation);
  }
  connection_->rollback();
  // A failed PREPARE in the pipeline that opens a transaction: refused,
  // and the connection is fine afterwards.
  connection_->beginWithFirstStatement("BEGIN");
  EXPECT_THROW(connection_->execute("INSERT INTO nowhere VALUES (?)", {SqlValue{std::int64_t{1}}}),
               store::StoreError);
  connection_->rollback();
  EXPECT_TRUE(connection_->healthy());

  connection_->beginWithFirstStatement("BEGIN");
  EXPECT_EQ(connection_->execute(insert, {SqlValue{std::int64_t{2}}}), 1);
  connection_->commit(PostgresConnection::Answer::Await);
  EXPECT_EQ(value("SELECT count(*) FROM u"), SqlValue{std::int64_t{1}});
}

TEST_F(PostgresStatementsTest, AResultTypeChangedAfterPreparingAsksForTheTransactionAgain) {
  std::atomic<std::uint64_t> plansChanged{0};
  PostgresConnection first(database_.url(), &plansChanged);
  PostgresConnection second(database_.url(), &plansChanged);
  first.executeScript("CREATE TABLE v (id bigint, x text); INSERT INTO v VALUES (1, '12')");
  const std::string select = "SELECT x FROM v WHERE id = ?";
  const auto read = [&](PostgresConnection& connection) {
    return connection.query(select, {SqlValue{std::int64_t{1}}}).at(0).value(0);
  };
  EXPECT_EQ(read(first), SqlValue{std::string("12")});
  EXPECT_EQ(read(second), SqlValue{std::string("12")});

  first.executeScript("ALTER TABLE v ALTER COLUMN x TYPE double precision USING x::float8");
  try {
    read(first);
    ADD_FAILURE() << "a plan with another result type ran";
  } catch (const store::StoreError& error) {
    EXPECT_EQ(error.kind(), store::StoreError::Kind::Conflict) << error.what();
  }
  EXPECT_EQ(plansChanged.load(), 1u);
  EXPECT_EQ(read(first), SqlValue{12.0});
  // The other connection prepares again before running, without failing.
  EXPECT_EQ(read(second), SqlValue{12.0});
  EXPECT_EQ(plansChanged.load(), 1u);
}

}  // namespace
}  // namespace tessera::testing
