// The OpenAPI 3.1 description of the REST API (docs/openapi.json, embedded
// in the binary at build time so one artefact deploys).
#pragma once

#include <string_view>

namespace tessera::features {

std::string_view openApiDocument();

}  // namespace tessera::features
