#include "features/openapi/openapi_routes.h"

#include "features/openapi/openapi_document.h"

namespace tessera::features {

void registerOpenApiRoutes(http::Router& router) {
  router.add("GET", "/api/openapi.json", access::anyone(), [](auto&) {
    http::Response response;
    response.body = std::string(openApiDocument());
    response.setHeader("Content-Type", "application/json");
    return response;
  });
}

}  // namespace tessera::features
