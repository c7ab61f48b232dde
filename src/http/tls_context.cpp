#include "http/tls_context.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <boost/asio/ssl/context.hpp>
#include <stdexcept>

namespace tessera::http {
namespace {

namespace ssl = boost::asio::ssl;

// Mozilla's "intermediate" TLS 1.2 suites; TLS 1.3 suites are OpenSSL's
// defaults, all of them modern.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

[[noreturn]] void fail(const std::string& what, const boost::system::error_code& error) {
  throw std::runtime_error(what + ": " + error.message());
}

}  // namespace

std::shared_ptr<ssl::context> loadTlsContext(const std::string& certificateFile,
                                             const std::string& keyFile) {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  SSL_CTX* native = context->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    throw std::runtime_error("the TLS cipher list was refused by OpenSSL");
  }
  boost::system::error_code error;
  context->use_certificate_chain_file(certificateFile, error);
  if (error) fail("cannot use the TLS certificate " + certificateFile, error);
  context->use_private_key_file(keyFile, ssl::context::pem, error);
  if (error) fail("cannot use the TLS key " + keyFile, error);
  if (SSL_CTX_check_private_key(native) != 1) {
    ERR_clear_error();
    throw std::runtime_error("the TLS key " + keyFile + " does not match the certificate " +
                             certificateFile);
  }
  return context;
}

}  // namespace tessera::http
