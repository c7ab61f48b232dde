// The one rule for names of spaces, bases and other user-named objects,
// the reader of a body that carries only a name ({"name": "..."}), and how
// a name that must be unique among its siblings is saved.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace tessera::features {

inline constexpr std::size_t kMaxNameLength = 100;

// Throws ApiError 400/415 unless the body is {"name": "<1..100 chars>"}.
std::string nameFromBody(const http::Request& request);

// Runs `write`, which saves a name unique among its siblings (a table in
// its base, a field or view in its table); the store's unique-key
// violation becomes ApiError 409 `code` with `message`.
void writeUniqueName(std::string_view code, const std::string& message,
                     const std::function<void()>& write);

}  // namespace tessera::features
