// A real database for formula tests: a SQLite file, or a fresh PostgreSQL
// database when TESSERA_TEST_POSTGRES is set (tests/support/test_database.h),
// migrated, with a table `formula_rows` whose columns stand for fields of
// every formula type, and a scope that names them. Each test evaluates
// compiled formulas with the database itself.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "features/formula/formula_compiler.h"
#include "store/database.h"
#include "support/test_database.h"

namespace tessera::testing {

class FormulaDatabase {
 public:
  FormulaDatabase();
  ~FormulaDatabase();

  // Fields Price (number), Name (text), Done (boolean), Due (date) and
  // Nothing, No name, No date (the same types, always blank), by id
  // fldPrice, fldName, ... and by name.
  features::FormulaScope scope() const;

  // Compiles `formula` (names resolved as a user writes them); the error
  // when it is refused.
  std::variant<features::CompiledFormula, features::FormulaError> compile(
      const std::string& formula) const;
  // The value of `sql` for the record `recordId`.
  store::SqlValue evaluate(const std::string& sql, const std::string& recordId);

  // Writes a record of the table.
  void insert(const std::string& recordId, const store::SqlValue& price,
              const store::SqlValue& name, const store::SqlValue& done, const store::SqlValue& due);

 private:
  std::filesystem::path dir_;
  std::unique_ptr<TestDatabase> testDatabase_;
  std::unique_ptr<store::Database> database_;
  store::SqlDialect dialect_ = store::SqlDialect::Sqlite;
  std::vector<features::FormulaField> fields_;
};

// A value as the tests write it: blank, a number as std::to_chars writes
// it, "text" in double quotes.
std::string describeValue(const store::SqlValue& value);

}  // namespace tessera::testing
