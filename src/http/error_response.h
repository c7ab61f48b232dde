// Renders an ApiError (or a bare status) as the one JSON error shape.
#pragma once

#include <string>

#include "http/api_error.h"
#include "http/response.h"

namespace tessera::http {

Response errorResponse(const ApiError& error);
Response errorResponse(int status, const std::string& code, const std::string& message);

}  // namespace tessera::http
