// The one rule for names of spaces, bases and other user-named objects,
// and the reader of a body that carries only a name ({"name": "..."}).
#pragma once

#include <string>

#include "http/request.h"

namespace tessera::features {

inline constexpr std::size_t kMaxNameLength = 100;

// Throws ApiError 400/415 unless the body is {"name": "<1..100 chars>"}.
std::string nameFromBody(const http::Request& request);

}  // namespace tessera::features
