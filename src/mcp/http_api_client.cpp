#include "mcp/http_api_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <optional>
#include <stdexcept>

namespace tessera::mcp {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;

constexpr auto kRequestTimeout = std::chrono::seconds(60);

// Whether `host` (a URL's host, IPv6 in brackets) is this machine.
bool isLoopback(std::string host) {
  if (host == "localhost") return true;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  boost::system::error_code error;
  const auto address = asio::ip::make_address(host, error);
  return !error && address.is_loopback();
}

// Writes `request` and reads the answer into `response` over `stream`.
template <class Stream>
void roundTrip(Stream& stream, beast::flat_buffer& buffer,
               bhttp::request<bhttp::string_body>& request,
               bhttp::response<bhttp::string_body>& response, beast::error_code& error) {
  beast::get_lowest_layer(stream).expires_after(kRequestTimeout);
  bhttp::write(stream, request, error);
  if (!error) bhttp::read(stream, buffer, response, error);
}

}  // namespace

struct HttpApiClient::Connection {
  asio::io_context io;
  std::optional<ssl::context> tls;  // https only
  std::optional<beast::tcp_stream> plain;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;

  bool open() const { return plain || secure; }
  void close() {
    plain.reset();
    secure.reset();
    buffer.clear();
  }
};

HttpApiClient::HttpApiClient(const std::string& baseUrl, std::string token, std::string caFile)
    : caFile_(std::move(caFile)),
      token_(std::move(token)),
      connection_(std::make_unique<Connection>()) {
  auto url = boost::urls::parse_absolute_uri(baseUrl);
  if (!url || (url->scheme() != "http" && url->scheme() != "https") || url->host().empty()) {
    throw std::invalid_argument(
        "TESSERA_URL must look like https://tessera.example.com or http://127.0.0.1:8080, got '" +
        baseUrl + "'");
  }
  https_ = url->scheme() == "https";
  host_ = std::string(url->host());
  port_ = url->has_port() ? std::string(url->port()) : (https_ ? "443" : "80");
  if (!https_ && !isLoopback(host_)) {
    throw std::invalid_argument(
        "TESSERA_URL is http:// to " + host_ +
        ", which is not this machine: the token would cross the network unencrypted. Use "
        "https:// (the server's --tls-cert, or a TLS proxy in front of it).");
  }
}

HttpApiClient::~HttpApiClient() = default;

ApiResponse HttpApiClient::call(const std::string& method, const std::string& target,
                                const boost::json::value& body) {
  Connection& c = *connection_;
  for (int attempt = 0; attempt < 2; ++attempt) {
    beast::error_code error;
    if (!c.open()) {
      asio::ip::tcp::resolver resolver(c.io);
      const auto endpoints = resolver.resolve(host_, port_, error);
      beast::tcp_stream transport(c.io);
      if (!error) transport.connect(endpoints, error);
      if (error) {
        throw std::runtime_error("cannot reach Tessera at " + host_ + ":" + port_ + ": " +
                                 error.message());
      }
      if (!https_) {
        c.plain.emplace(std::move(transport));
      } else {
        if (!c.tls) {
          c.tls.emplace(ssl::context::tls_client);
          SSL_CTX_set_min_proto_version(c.tls->native_handle(), TLS1_2_VERSION);
          if (caFile_.empty()) {
            c.tls->set_default_verify_paths();
          } else {
            c.tls->load_verify_file(caFile_);
          }
          c.tls->set_verify_mode(ssl::verify_peer);
        }
        auto& stream = c.secure.emplace(std::move(transport), *c.tls);
        // SNI (SSL_set_tlsext_host_name is a macro with a C cast).
        SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 host_.data());
        stream.set_verify_callback(ssl::host_name_verification(host_));
        beast::get_lowest_layer(stream).expires_after(kRequestTimeout);
        stream.handshake(ssl::stream_base::client, error);
        if (error) {
          c.close();
          throw std::runtime_error("cannot make a TLS connection to Tessera at " + host_ + ":" +
                                   port_ + ": " + error.message() +
                                   (caFile_.empty() ? " (set TESSERA_CA_FILE to the PEM file of "
                                                      "the CA that signed its certificate)"
                                                    : ""));
        }
      }
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
    bhttp::response<bhttp::string_body> response;
    if (c.secure) {
      roundTrip(*c.secure, c.buffer, request, response, error);
    } else {
      roundTrip(*c.plain, c.buffer, request, response, error);
    }
    if (error) {
      // The server may have closed an idle keep-alive connection: retry once.
      c.close();
      if (attempt == 0) continue;
      throw std::runtime_error("the request to Tessera failed: " + error.message());
    }
    if (!response.keep_alive()) c.close();
    ApiResponse result;
    result.status = static_cast<int>(response.result_int());
    boost::system::error_code parseError;
    if (!response.body().empty()) result.body = boost::json::parse(response.body(), parseError);
    return result;
  }
  throw std::logic_error("unreachable");
}

}  // namespace tessera::mcp
