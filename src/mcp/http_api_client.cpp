#include "mcp/http_api_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <stdexcept>

namespace tessera::mcp {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

}  // namespace

struct HttpApiClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  bool open = false;
};

HttpApiClient::HttpApiClient(const std::string& baseUrl, std::string token)
    : token_(std::move(token)), connection_(std::make_unique<Connection>()) {
  auto url = boost::urls::parse_absolute_uri(baseUrl);
  if (!url || url->scheme() != "http" || url->host().empty()) {
    throw std::invalid_argument("TESSERA_URL must look like http://127.0.0.1:8080, got '" +
                                baseUrl + "'");
  }
  host_ = std::string(url->host());
  port_ = url->has_port() ? std::string(url->port()) : "80";
}

HttpApiClient::~HttpApiClient() = default;

ApiResponse HttpApiClient::call(const std::string& method, const std::string& target,
                                const boost::json::value& body) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    Connection& c = *connection_;
    beast::error_code error;
    if (!c.open) {
      asio::ip::tcp::resolver resolver(c.io);
      const auto endpoints = resolver.resolve(host_, port_, error);
      if (!error) c.stream.connect(endpoints, error);
      if (error)
        throw std::runtime_error("cannot reach Tessera at " + host_ + ":" + port_ + ": " +
                                 error.message());
      c.open = true;
    }
    bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
    request.set(bhttp::field::host, host_ + ":" + port_);
    request.set(bhttp::field::authorization, "Bearer " + token_);
    request.set(bhttp::field::user_agent, "tessera-mcp");
    if (!body.is_null()) {
      request.set(bhttp::field::content_type, "application/json");
      request.body() = boost::json::serialize(body);
    }
    request.prepare_payload();
    c.stream.expires_after(std::chrono::seconds(60));
    bhttp::write(c.stream, request, error);
    bhttp::response<bhttp::string_body> response;
    if (!error) bhttp::read(c.stream, c.buffer, response, error);
    if (error) {
      // The server may have closed an idle keep-alive connection: retry once.
      c.stream.close();
      c.open = false;
      c.buffer.clear();
      if (attempt == 0) continue;
      throw std::runtime_error("the request to Tessera failed: " + error.message());
    }
    if (!response.keep_alive()) {
      c.stream.close();
      c.open = false;
    }
    ApiResponse result;
    result.status = static_cast<int>(response.result_int());
    boost::system::error_code parseError;
    if (!response.body().empty()) result.body = boost::json::parse(response.body(), parseError);
    return result;
  }
  throw std::logic_error("unreachable");
}

}  // namespace tessera::mcp
