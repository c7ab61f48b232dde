// The ApiClient of `tessera mcp`: HTTP/1.1 over one keep-alive connection
// (Boost.Beast) to TESSERA_URL, with the token as a bearer credential.
#pragma once

#include <memory>
#include <string>

#include "mcp/api_client.h"

namespace tessera::mcp {

class HttpApiClient final : public ApiClient {
 public:
  // `baseUrl` like "http://127.0.0.1:8080". Throws std::invalid_argument
  // for a URL it cannot use (only http:// is supported).
  HttpApiClient(const std::string& baseUrl, std::string token);
  ~HttpApiClient() override;

  ApiResponse call(const std::string& method, const std::string& target,
                   const boost::json::value& body) override;

 private:
  struct Connection;
  std::string host_;
  std::string port_;
  std::string token_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace tessera::mcp
