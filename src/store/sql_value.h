// Values that cross the store boundary: bound parameters and result cells.
// Feature code sees only these, never a backend's native types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace tessera::store {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// One result row. Accessors throw std::logic_error on a type mismatch,
// which is a programming error, never a client's.
class Row {
 public:
  explicit Row(std::vector<SqlValue> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  bool isNull(std::size_t column) const;
  std::int64_t integer(std::size_t column) const;
  double real(std::size_t column) const;
  const std::string& text(std::size_t column) const;
  std::optional<std::string> optionalText(std::size_t column) const;
  std::optional<std::int64_t> optionalInteger(std::size_t column) const;
  const SqlValue& value(std::size_t column) const { return values_.at(column); }
  // For a backend that refills one row while it streams a result.
  SqlValue& cell(std::size_t column) { return values_.at(column); }

 private:
  std::vector<SqlValue> values_;
};

using Rows = std::vector<Row>;

}  // namespace tessera::store
