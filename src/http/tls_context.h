// The TLS settings of `tessera serve --tls-cert FILE --tls-key FILE`: TLS
// 1.2 and 1.3 only, with the cipher suites of Mozilla's "intermediate"
// profile (ECDHE key exchange, AEAD ciphers), no compression and no
// renegotiation, from PEM files. Built anew on SIGHUP, so a renewed
// certificate serves new connections while open ones keep theirs.
#pragma once

#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}

namespace tessera::http {

// Throws std::runtime_error naming the file and what is wrong with it (a
// missing or unreadable file, not PEM, a key that does not match).
std::shared_ptr<boost::asio::ssl::context> loadTlsContext(const std::string& certificateFile,
                                                          const std::string& keyFile);

}  // namespace tessera::http
