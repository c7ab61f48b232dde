// The TLS side of the integration tests: certificates made by `openssl`
// for a test, and a client that speaks HTTPS to a test server, verifying
// the server's certificate against the test's own CA file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "support/http_client.h"

namespace tessera::testing {

// A self-signed certificate for "localhost" and 127.0.0.1, with its key,
// written by `openssl req` into `folder` as <name>.crt and <name>.key.
struct TestCertificate {
  std::filesystem::path certificate;
  std::filesystem::path key;
};
TestCertificate makeCertificate(const std::filesystem::path& folder, const std::string& name);

// One TLS connection to 127.0.0.1:port, kept open for several requests.
// Throws std::runtime_error when the handshake fails (its reason).
class HttpsConnection {
 public:
  // `caFile`: the certificate to trust. `maxProtocol`: the highest TLS
  // version offered (an OpenSSL constant such as TLS1_1_VERSION), 0 for
  // any.
  HttpsConnection(std::uint16_t port, const std::filesystem::path& caFile, int maxProtocol = 0);
  ~HttpsConnection();

  HttpResult request(const std::string& method, const std::string& target,
                     const std::string& body = "", const Headers& headers = {});
  // The SHA-256 fingerprint of the certificate the server presented.
  std::string serverCertificateFingerprint() const;
  // The protocol agreed, e.g. "TLSv1.3".
  std::string protocol() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::uint16_t port_;
};

// The SHA-256 fingerprint of the PEM certificate in `file`.
std::string certificateFingerprint(const std::filesystem::path& file);

}  // namespace tessera::testing
