// A piece of SQL with its bound parameters, built from validated input.
#pragma once

#include <string>
#include <vector>

#include "store/sql_value.h"

namespace tessera::features {

struct SqlFragment {
  std::string sql;
  std::vector<store::SqlValue> params;

  void append(const SqlFragment& other) {
    sql += other.sql;
    params.insert(params.end(), other.params.begin(), other.params.end());
  }
};

}  // namespace tessera::features
