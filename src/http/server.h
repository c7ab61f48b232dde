// The HTTP/1.1 server: Boost.Beast on Asio with C++20 coroutines, one
// io_context per thread, one coroutine per connection. The I/O threads
// never wait on the application: they answer only what needs nothing slow
// (RequestHandler::quickAnswer) and hand the rest to a bounded pool of
// threads, the requests that may write (all but GET and HEAD) to a pool of
// their own so that many of them can wait for one commit; plain or TLS
// (http/tls_context.h; HSTS on every TLS answer; the certificate reloaded
// on SIGHUP without dropping connections), keep-alive, a
// deadline on every read, header and body limits, and graceful shutdown on
// SIGINT/SIGTERM (say so, keep serving for the drain delay so a load
// balancer can notice, then stop accepting, close idle connections and
// finish requests in flight).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/client_address.h"
#include "http/request_handler.h"

namespace tessera::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned threads = 1;  // I/O threads
  // Threads that serve the requests quickAnswer does not answer (at least 1).
  unsigned readThreads = 1;
  // Threads that serve those that may write; 0: the read pool serves them.
  unsigned writeThreads = 0;
  // Requests that may wait for a pool's threads; one more is answered 503
  // overloaded with Retry-After: 1.
  std::size_t maxQueuedRequests = 1024;
  std::size_t maxHeaderBytes = 16 * 1024;
  std::size_t maxBodyBytes = 10 * 1024 * 1024;
  std::chrono::seconds readTimeout{30};   // to receive one whole request
  std::chrono::seconds idleTimeout{75};   // between keep-alive requests
  std::chrono::seconds drainTimeout{30};  // for requests in flight at shutdown
  // After SIGINT/SIGTERM, how long to go on accepting and serving before
  // the listener closes (a second signal cuts it short).
  std::chrono::seconds drainDelay{0};
  // Called on the first SIGINT/SIGTERM, before the drain delay starts.
  std::function<void()> onShutdownSignal;
  TrustedProxies trustedProxies;  // whose X-Forwarded-For is believed
  // PEM files; both empty: plain HTTP.
  std::string tlsCertificateFile;
  std::string tlsKeyFile;
  // Told the outcome of each SIGHUP reload of the TLS files: empty when the
  // new certificate is in use, else why the old one stays.
  std::function<void(const std::string& failure)> onTlsReloaded;
};

class Server {
 public:
  Server(ServerOptions options, RequestHandler& handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the TLS files (if any), binds the listening socket and starts
  // catching SIGINT and SIGTERM (and SIGHUP with TLS), so a signal that
  // arrives before run() is still handled. Returns the bound port (useful
  // with port 0). Throws std::system_error when the address cannot be
  // bound, std::runtime_error when the TLS files cannot be used.
  std::uint16_t listen();

  // Serves until SIGINT, SIGTERM (then for the drain delay) or stop(), then
  // drains and returns.
  // REQUIRES: listen() was called.
  void run();

  // Asks run() to shut down gracefully. Thread-safe.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tessera::http
