#include "formula/formula_database.h"

#include <charconv>

#include "common/ascii.h"
#include "features/formula/formula_parser.h"
#include "store/migrations.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"
#include "support/files.h"

namespace tessera::testing {

FormulaDatabase::FormulaDatabase()
    : dir_(makeTempDir("tessera-formula")), testDatabase_(std::make_unique<TestDatabase>(dir_)) {
  if (testDatabase_->onPostgres()) {
    database_ = std::make_unique<store::PostgresDatabase>(testDatabase_->url());
    dialect_ = store::SqlDialect::Postgres;
  } else {
    database_ = std::make_unique<store::SqliteDatabase>((dir_ / "formula.db").string());
  }
  store::migrate(*database_);
  database_->write([](store::Session& session) {
    session.executeScript(
        "CREATE TABLE formula_rows (__id TEXT PRIMARY KEY, __created_at BIGINT NOT NULL, "
        "__updated_at BIGINT NOT NULL, price DOUBLE PRECISION, name TEXT, done INTEGER, "
        "due BIGINT)");
  });
  using features::FormulaType;
  fields_ = {
      {"fldPrice", "Price", FormulaType::Number, "t.price"},
      {"fldName", "Name", FormulaType::Text, "t.name"},
      {"fldDone", "Done", FormulaType::Boolean, "t.done"},
      {"fldDue", "Due", FormulaType::Date, "t.due"},
      {"fldNothing", "Nothing", FormulaType::Number, "CAST(NULL AS DOUBLE PRECISION)"},
      {"fldNoName", "No name", FormulaType::Text, "CAST(NULL AS TEXT)"},
      {"fldNoDate", "No date", FormulaType::Date, "CAST(NULL AS BIGINT)"},
  };
}

FormulaDatabase::~FormulaDatabase() {
  database_->close();
  database_.reset();
  testDatabase_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

features::FormulaScope FormulaDatabase::scope() const {
  return {dialect_,
          [this](std::string_view id) -> const features::FormulaField* {
            for (const auto& field : fields_) {
              if (field.id == id) return &field;
            }
            return nullptr;
          },
          "t.", std::nullopt};
}

std::variant<features::CompiledFormula, features::FormulaError> FormulaDatabase::compile(
    const std::string& formula) const {
  const auto parsed =
      features::parseFormula(formula, [this](std::string_view key) -> std::optional<std::string> {
        for (const auto& field : fields_) {
          if (lowerAscii(field.name) == lowerAscii(key)) return field.id;
        }
        return std::nullopt;
      });
  if (const auto* error = std::get_if<features::FormulaError>(&parsed)) return *error;
  return features::compileFormula(std::get<features::FormulaNode>(parsed), scope());
}

store::SqlValue FormulaDatabase::evaluate(const std::string& sql, const std::string& recordId) {
  return database_->read([&](store::Session& session) {
    return session.query("SELECT " + sql + " FROM formula_rows t WHERE t.__id = ?", {recordId})
        .at(0)
        .value(0);
  });
}

void FormulaDatabase::insert(const std::string& recordId, const store::SqlValue& price,
                             const store::SqlValue& name, const store::SqlValue& done,
                             const store::SqlValue& due) {
  database_->write([&](store::Session& session) {
    session.execute(
        "INSERT INTO formula_rows (__id, __created_at, __updated_at, price, name, done, due) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {recordId, std::int64_t{1700000000000}, std::int64_t{1700000500000}, price, name, done,
         due});
  });
}

std::string describeValue(const store::SqlValue& value) {
  if (std::holds_alternative<std::nullptr_t>(value)) return "blank";
  if (const auto* text = std::get_if<std::string>(&value)) return "\"" + *text + "\"";
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  char buffer[40];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(value));
  return std::string(buffer, result.ptr);
}

}  // namespace tessera::testing
