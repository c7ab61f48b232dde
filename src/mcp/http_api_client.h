// The ApiClient of `tessera mcp`: HTTP/1.1 over one keep-alive connection
// (Boost.Beast) to TESSERA_URL, with the token as a bearer credential.
// https:// URLs are verified against the system's CAs or a CA file; plain
// http:// is accepted only to this machine (loopback), so the token never
// crosses a network in clear.
#pragma once

#include <memory>
#include <string>

#include "mcp/api_client.h"

namespace tessera::mcp {

class HttpApiClient final : public ApiClient {
 public:
  // `baseUrl` like "https://tessera.example.com" or "http://127.0.0.1:8080";
  // `caFile` (PEM) replaces the system's CAs when not empty. Throws
  // std::invalid_argument for a URL it will not use: not http(s), no
  // host, or http:// to a host that is not loopback.
  HttpApiClient(const std::string& baseUrl, std::string token, std::string caFile = "");
  ~HttpApiClient() override;

  ApiResponse call(const std::string& method, const std::string& target,
                   const boost::json::value& body) override;

 private:
  struct Connection;
  std::string host_;
  std::string port_;
  bool https_ = false;
  std::string caFile_;
  std::string token_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace tessera::mcp
