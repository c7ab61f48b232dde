// The "(?, ?, ...)" of an `x IN (...)` over a list of values, each bound
// as a parameter (never written into the SQL text).
#pragma once

#include <string>
#include <vector>

#include "store/sql_value.h"

namespace tessera::store {

// "(?, ?, ...)" for `values`, which are appended to `params`.
// REQUIRES: values is not empty.
inline std::string inList(const std::vector<std::string>& values, std::vector<SqlValue>& params) {
  std::string list = "(";
  for (const std::string& value : values) {
    list += list.size() == 1 ? "?" : ", ?";
    params.emplace_back(value);
  }
  return list + ")";
}

}  // namespace tessera::store
