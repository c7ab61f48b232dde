// A small blocking HTTP/1.1 client over loopback (Boost.Beast) for
// integration tests, and a signed-in browser user built on it.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tessera::testing {

struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;

  boost::json::value json() const;
  std::string header(const std::string& lowerName) const;
  // The "code" of an error body, or "" when there is none.
  std::string errorCode() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}

  // One request on a new connection.
  HttpResult request(const std::string& method, const std::string& target,
                     const std::string& body = "", const Headers& headers = {}) const;
  // A JSON request: sets Content-Type when `body` is not null.
  HttpResult json(const std::string& method, const std::string& target,
                  const boost::json::value& body = nullptr, const Headers& headers = {}) const;
  // Sends `raw` bytes as they are and returns everything the server sends
  // back until it closes the connection (or a 10 s timeout).
  std::string raw(const std::string& raw) const;

  std::uint16_t port() const { return port_; }

 private:
  std::uint16_t port_;
};

// A user signed in through the browser flow: cookie and CSRF token.
struct BrowserUser {
  std::string id;
  std::string email;
  std::string cookieHeader;  // "tessera_session=...; tessera_csrf=..."
  std::string csrfToken;

  Headers headers() const;  // Cookie + X-CSRF-Token
};

// Signs a new user up (201 expected) and returns their browser credentials.
BrowserUser signUp(const HttpClient& client, const std::string& email,
                   const std::string& name = "Test User",
                   const std::string& password = "correct horse battery");

// Reads Set-Cookie headers of a sign-up/sign-in answer into a BrowserUser.
BrowserUser browserUserFrom(const HttpResult& result);

}  // namespace tessera::testing
