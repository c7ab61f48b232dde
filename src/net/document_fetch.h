// Fetches one small document from a URL that someone outside the server
// named (an OAuth client's metadata document, its logo), so that the URL
// cannot turn Tessera against its own network: every connection, the
// first and each redirect's, goes only to a public address (see
// net/address_class.h; loopback too when the operator allows it for
// tests), https only unless loopback is allowed, no proxy from the
// environment, no more than three redirects, a size limit enforced
// while reading, and a time limit for the whole exchange. Refusals are
// returned as values.
#pragma once

#include <cstddef>
#include <string>
#include <variant>

namespace tessera::net {

struct FetchLimits {
  std::size_t maxBytes = 5 * 1024;
  long timeoutMillis = 5000;
  // Loopback addresses (and plain http to them) are allowed: for tests
  // and development only (serve --oauth-allow-loopback-clients).
  bool allowLoopback = false;
  // A PEM file of certificates to trust instead of the system's; empty
  // for the system's.
  std::string caFile;
};

struct FetchedDocument {
  std::string body;
  std::string contentType;  // as sent, e.g. "application/json; charset=utf-8"
};

enum class FetchProblem {
  NonPublicAddress,  // the host (or a redirect's) is on a private, loopback or reserved address
  TooLarge,          // larger than maxBytes
  TimedOut,
  BadStatus,    // the answer was not 200
  Unreachable,  // no such host, refused connection, TLS failure, bad URL, ...
};

struct FetchFailure {
  FetchProblem problem;
  std::string message;  // for a person: what went wrong, naming the limit
};

std::variant<FetchedDocument, FetchFailure> fetchDocument(const std::string& url,
                                                          const FetchLimits& limits);

}  // namespace tessera::net
