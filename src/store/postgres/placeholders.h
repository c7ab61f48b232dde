// Rewrites the store's portable `?` placeholders into PostgreSQL's `$1`,
// `$2`, ..., leaving question marks inside string literals, quoted
// identifiers and -- line comments alone.
#pragma once

#include <string>
#include <string_view>

namespace tessera::store {

std::string numberPlaceholders(std::string_view sql);

}  // namespace tessera::store
