#include "support/http_client.h"

#include "support/http_exchange.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

namespace tessera::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

std::string cookieValue(const std::string& setCookie) {
  return setCookie.substr(0, setCookie.find(';'));
}

}  // namespace

boost::json::value HttpResult::json() const { return boost::json::parse(body); }

std::string HttpResult::header(const std::string& lowerName) const {
  auto found = headers.find(lowerName);
  return found == headers.end() ? std::string() : found->second;
}

std::string HttpResult::errorCode() const {
  boost::system::error_code error;
  const auto parsed = boost::json::parse(body, error);
  if (error || !parsed.is_object() || !parsed.as_object().contains("code")) return "";
  return std::string(parsed.at("code").as_string());
}

HttpResult HttpClient::request(const std::string& method, const std::string& target,
                               const std::string& body, const Headers& headers) const {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  HttpResult result =
      exchange(stream, method, target, body, headers, "127.0.0.1:" + std::to_string(port_));
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return result;
}

HttpResult HttpClient::json(const std::string& method, const std::string& target,
                            const boost::json::value& body, const Headers& headers) const {
  Headers all = headers;
  std::string text;
  if (!body.is_null()) {
    all.emplace_back("Content-Type", "application/json");
    text = boost::json::serialize(body);
  }
  return request(method, target, text, all);
}

std::string HttpClient::raw(const std::string& raw) const {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  stream.expires_after(std::chrono::seconds(10));
  beast::error_code error;
  asio::write(stream.socket(), asio::buffer(raw), error);
  std::string received;
  char chunk[4096];
  while (true) {
    const std::size_t n = stream.read_some(asio::buffer(chunk), error);
    received.append(chunk, n);
    if (error) break;
  }
  return received;
}

Headers BrowserUser::headers() const {
  return {{"Cookie", cookieHeader}, {"X-CSRF-Token", csrfToken}};
}

BrowserUser browserUserFrom(const HttpResult& result) {
  BrowserUser user;
  std::string cookies;
  auto [begin, end] = result.headers.equal_range("set-cookie");
  for (auto it = begin; it != end; ++it) {
    cookies += (cookies.empty() ? "" : "; ") + cookieValue(it->second);
  }
  user.cookieHeader = cookies;
  const auto body = result.json();
  user.id = std::string(body.at("user").at("id").as_string());
  user.email = std::string(body.at("user").at("email").as_string());
  user.csrfToken = std::string(body.at("csrfToken").as_string());
  return user;
}

BrowserUser signUp(const HttpClient& client, const std::string& email, const std::string& name,
                   const std::string& password) {
  const HttpResult result = client.json("POST", "/api/auth/signup",
                                        {{"email", email}, {"name", name}, {"password", password}});
  if (result.status != 201) {
    throw std::runtime_error("sign-up of " + email + " failed: " + std::to_string(result.status) +
                             " " + result.body);
  }
  return browserUserFrom(result);
}

}  // namespace tessera::testing
