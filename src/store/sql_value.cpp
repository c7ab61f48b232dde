#include "store/sql_value.h"

#include <stdexcept>

namespace tessera::store {

bool Row::isNull(std::size_t column) const {
  return std::holds_alternative<std::nullptr_t>(values_.at(column));
}

std::int64_t Row::integer(std::size_t column) const {
  const SqlValue& cell = values_.at(column);
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return *number;
  throw std::logic_error("column " + std::to_string(column) + " is not an integer");
}

double Row::real(std::size_t column) const {
  const SqlValue& cell = values_.at(column);
  if (const auto* number = std::get_if<double>(&cell)) return *number;
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*number);
  throw std::logic_error("column " + std::to_string(column) + " is not a number");
}

const std::string& Row::text(std::size_t column) const {
  const SqlValue& cell = values_.at(column);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  throw std::logic_error("column " + std::to_string(column) + " is not text");
}

std::optional<std::string> Row::optionalText(std::size_t column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Row::optionalInteger(std::size_t column) const {
  if (isNull(column)) return std::nullopt;
  return integer(column);
}

}  // namespace tessera::store
