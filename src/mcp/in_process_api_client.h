// The ApiClient of /mcp inside `tessera serve`: each call is a request
// handed straight to the server's own pipeline, with the caller's bearer
// token, so the same policy decides it as over the network.
#pragma once

#include <string>

#include "http/request_handler.h"
#include "mcp/api_client.h"

namespace tessera::mcp {

class InProcessApiClient final : public ApiClient {
 public:
  InProcessApiClient(http::RequestHandler& pipeline, std::string token, std::string clientIp)
      : pipeline_(pipeline), token_(std::move(token)), clientIp_(std::move(clientIp)) {}

  ApiResponse call(const std::string& method, const std::string& target,
                   const boost::json::value& body) override;

 private:
  http::RequestHandler& pipeline_;
  std::string token_;
  std::string clientIp_;
};

}  // namespace tessera::mcp
