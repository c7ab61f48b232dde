#include "support/https_client.h"

#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdio>
#include <optional>
#include <stdexcept>

#include "support/http_exchange.h"

namespace tessera::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = asio::ssl;

std::string fingerprintOf(X509* certificate) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  X509_digest(certificate, EVP_sha256(), digest, &length);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

}  // namespace

TestCertificate makeCertificate(const std::filesystem::path& folder, const std::string& name) {
  const TestCertificate made{folder / (name + ".crt"), folder / (name + ".key")};
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2"
      " -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout '" +
      made.key.string() + "' -out '" + made.certificate.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
  return made;
}

std::string certificateFingerprint(const std::filesystem::path& file) {
  std::FILE* in = std::fopen(file.c_str(), "r");
  if (!in) throw std::runtime_error("cannot read " + file.string());
  X509* certificate = PEM_read_X509(in, nullptr, nullptr, nullptr);
  std::fclose(in);
  if (!certificate) throw std::runtime_error("no certificate in " + file.string());
  const std::string fingerprint = fingerprintOf(certificate);
  X509_free(certificate);
  return fingerprint;
}

struct HttpsConnection::State {
  asio::io_context io;
  ssl::context context{ssl::context::tls_client};
  std::optional<beast::ssl_stream<beast::tcp_stream>> connection;  // after the settings
};

HttpsConnection::HttpsConnection(std::uint16_t port, const std::filesystem::path& caFile,
                                 int maxProtocol)
    : state_(std::make_unique<State>()), port_(port) {
  state_->context.load_verify_file(caFile.string());
  state_->context.set_verify_mode(ssl::verify_peer);
  if (maxProtocol != 0) {
    SSL_CTX_set_min_proto_version(state_->context.native_handle(), 0);
    SSL_CTX_set_max_proto_version(state_->context.native_handle(), maxProtocol);
    // OpenSSL 3 refuses TLS 1.1 at its default security level; lower it so
    // the refusal the test sees is the server's.
    SSL_CTX_set_security_level(state_->context.native_handle(), 0);
  }
  // A fresh context per connection: no session is resumed.
  auto& stream = state_->connection.emplace(state_->io, state_->context);
  std::string serverName = "localhost";  // SNI; the macro has a C cast
  SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
           serverName.data());
  stream.set_verify_callback(ssl::host_name_verification("localhost"));
  auto& transport = beast::get_lowest_layer(stream);
  transport.expires_after(std::chrono::seconds(30));
  transport.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::error_code error;
  stream.handshake(ssl::stream_base::client, error);
  if (error) throw std::runtime_error("TLS handshake failed: " + error.message());
}

HttpsConnection::~HttpsConnection() {
  beast::error_code ignored;
  beast::get_lowest_layer(*state_->connection).expires_after(std::chrono::seconds(1));
  state_->connection->shutdown(ignored);
}

HttpResult HttpsConnection::request(const std::string& method, const std::string& target,
                                    const std::string& body, const Headers& headers) {
  beast::get_lowest_layer(*state_->connection).expires_after(std::chrono::seconds(30));
  return exchange(*state_->connection, method, target, body, headers,
                  "localhost:" + std::to_string(port_));
}

std::string HttpsConnection::serverCertificateFingerprint() const {
  X509* certificate = SSL_get1_peer_certificate(state_->connection->native_handle());
  if (!certificate) return "";
  const std::string fingerprint = fingerprintOf(certificate);
  X509_free(certificate);
  return fingerprint;
}

std::string HttpsConnection::protocol() const {
  return SSL_get_version(state_->connection->native_handle());
}

}  // namespace tessera::testing
