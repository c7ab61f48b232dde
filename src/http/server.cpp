#include "http/server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "http/tls_context.h"

namespace tessera::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kFirstReadBytes = 4096;
// Two years, as browsers' preload lists ask; subdomains are not included,
// since other services may share the domain without TLS.
constexpr const char* kStrictTransportSecurity = "max-age=63072000";

// One thread with its own io_context, and the connections that are idle on
// it (waiting for the next keep-alive request). Touched only on its thread.
struct Worker {
  asio::io_context io{1};
  // Keeps run() going while the worker has no connection yet.
  asio::executor_work_guard<asio::io_context::executor_type> keepRunning{io.get_executor()};
  std::set<beast::tcp_stream*> idleConnections;
  std::thread thread;
};

// Threads that serve requests, and the requests handed to them that are
// not answered yet: at most `capacity`, the threads and the queue's places.
struct RequestPool {
  RequestPool(unsigned count, std::size_t queuePlaces)
      : threads(count), capacity(count + queuePlaces) {}
  asio::thread_pool threads;
  const std::size_t capacity;
  std::atomic<std::size_t> taken{0};
};

ApiError overloaded() {
  return ApiError(503, "overloaded",
                  "This server has more requests waiting than it takes at once. Try again in a "
                  "moment.")
      .withHeader("Retry-After", "1");
}

Request toRequest(const bhttp::request_parser<bhttp::string_body>& parser,
                  const std::string& clientIp) {
  const auto& message = parser.get();
  Request request;
  request.method = std::string(message.method_string());
  const std::string_view target = message.target();
  const std::size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  for (const auto& field : message) {
    request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  request.clientIp = clientIp;
  return request;
}

bhttp::response<bhttp::string_body> toBeast(Response&& response, unsigned version, bool keepAlive,
                                            bool overTls) {
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
  for (auto& [name, value] : response.headers) message.insert(name, value);
  if (overTls) message.set(bhttp::field::strict_transport_security, kStrictTransportSecurity);
  message.body() = std::move(response.body);
  message.keep_alive(keepAlive);
  message.prepare_payload();
  return message;
}

// The refusal for a request the parser gave up on, or nullopt when the
// connection should simply close (peer gone, timeout).
std::optional<ApiError> refusalFor(const beast::error_code& error, std::size_t maxBodyBytes) {
  if (error == bhttp::error::header_limit) {
    return ApiError(431, "header_too_large",
                    "The request headers are larger than the limit of 16 KiB.");
  }
  if (error == bhttp::error::body_limit) {
    return ApiError(
        413, "body_too_large",
        "The request body is larger than the limit of " + std::to_string(maxBodyBytes) + " bytes.");
  }
  if (error.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() &&
      error != bhttp::error::end_of_stream && error != bhttp::error::partial_message) {
    return ApiError(400, "bad_request",
                    "The request is not valid HTTP/1.1: " + error.message() + ".");
  }
  return std::nullopt;
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions opts, RequestHandler& h) : options(std::move(opts)), handler(h) {}

  ServerOptions options;
  RequestHandler& handler;
  std::vector<std::unique_ptr<Worker>> workers;
  std::optional<RequestPool> readPool;
  std::optional<RequestPool> writePool;   // options.writeThreads > 0
  std::optional<tcp::acceptor> acceptor;  // on workers[0]
  asio::io_context control{1};            // signals, on the thread calling run()
  // Created by listen(), so SIGINT/SIGTERM are caught (and held until run()
  // waits for them) from the moment the server can be announced as ready.
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> drainDelay;   // on control
  std::optional<asio::signal_set> reloadSignals;  // SIGHUP, with TLS only
  std::atomic<bool> shuttingDown{false};
  // The TLS settings new connections use; a connection keeps its own.
  std::mutex tlsMutex;
  std::shared_ptr<asio::ssl::context> tls;

  std::shared_ptr<asio::ssl::context> currentTls() {
    std::lock_guard lock(tlsMutex);
    return tls;
  }

  void reloadTlsOnSignal() {
    reloadSignals->async_wait([this](const beast::error_code& error, int) {
      if (error) return;
      std::string failure;
      try {
        auto fresh = loadTlsContext(options.tlsCertificateFile, options.tlsKeyFile);
        std::lock_guard lock(tlsMutex);
        tls = std::move(fresh);
      } catch (const std::exception& reloadError) {
        failure = reloadError.what();
      }
      if (options.onTlsReloaded) options.onTlsReloaded(failure);
      reloadTlsOnSignal();
    });
  }

  // The first shutdown signal: tell, serve on for the drain delay, then
  // stop; a second signal stops at once.
  void onSignal(const beast::error_code& error) {
    if (error) return;
    if (options.onShutdownSignal) options.onShutdownSignal();
    if (options.drainDelay.count() == 0) {
      control.stop();
      return;
    }
    drainDelay.emplace(control, options.drainDelay);
    drainDelay->async_wait([this](const beast::error_code&) { control.stop(); });
    signals->async_wait([this](const beast::error_code& again, int) {
      if (!again) control.stop();
    });
  }

  // Accepts connections and hands them to the workers in turn. After each
  // wait, every connection already queued is taken at once (the acceptor
  // does not block): one at a time, on a busy thread, a burst of new
  // connections waited a turn of the event loop each, and their first
  // requests up to 170 ms (docs/performance.md).
  asio::awaitable<void> acceptLoop() {
    std::size_t next = 0;
    const auto nextWorker = [&]() -> Worker& {
      Worker& worker = *workers[next];
      next = (next + 1) % workers.size();
      return worker;
    };
    while (true) {
      Worker& worker = nextWorker();
      auto [error, socket] = co_await acceptor->async_accept(worker.io, kNoThrow);
      if (error == asio::error::operation_aborted || !acceptor->is_open()) co_return;
      if (error) continue;  // e.g. EMFILE: keep serving the connections we have
      asio::co_spawn(worker.io, serveConnection(worker, std::move(socket)), asio::detached);
      beast::error_code queued;
      while (!queued) {
        Worker& another = nextWorker();
        tcp::socket more(another.io);
        acceptor->accept(more, queued);  // would_block once the queue is empty
        if (!queued) {
          asio::co_spawn(another.io, serveConnection(another, std::move(more)), asio::detached);
        }
      }
    }
  }

  template <class Stream>
  asio::awaitable<void> sendRefusal(Stream& stream, const Request& partial, const ApiError& refusal,
                                    bool overTls) {
    auto message = toBeast(handler.reject(partial, refusal), 11, false, overTls);
    beast::get_lowest_layer(stream).expires_after(options.readTimeout);
    co_await bhttp::async_write(stream, message, kNoThrow);
  }

  asio::awaitable<void> serveConnection(Worker& worker, tcp::socket socket) {
    beast::error_code ignored;
    const auto peer = socket.remote_endpoint(ignored);
    const std::string clientIp = ignored ? std::string() : peer.address().to_string();
    const std::shared_ptr<asio::ssl::context> tlsContext = currentTls();
    if (!tlsContext) {
      beast::tcp_stream stream(std::move(socket));
      co_await serveRequests(worker, stream, clientIp, false);
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      co_return;
    }
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *tlsContext);
    beast::get_lowest_layer(stream).expires_after(options.readTimeout);
    auto [handshakeError] =
        co_await stream.async_handshake(asio::ssl::stream_base::server, kNoThrow);
    if (handshakeError) co_return;  // not TLS, an old protocol, or gone
    co_await serveRequests(worker, stream, clientIp, true);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(1));
    co_await stream.async_shutdown(kNoThrow);  // close_notify, briefly
  }

  // The requests of one connection, until it closes, fails or shutdown
  // begins; `overTls` when `stream` is TLS.
  template <class Stream>
  asio::awaitable<void> serveRequests(Worker& worker, Stream& stream, const std::string& clientIp,
                                      bool overTls) {
    beast::tcp_stream& transport = beast::get_lowest_layer(stream);
    beast::flat_buffer buffer;
    while (!shuttingDown) {
      if (buffer.size() == 0) {
        // Idle between requests: the only state in which shutdown may close
        // the connection without losing a request.
        worker.idleConnections.insert(&transport);
        transport.expires_after(options.idleTimeout);
        auto [error, bytes] =
            co_await stream.async_read_some(buffer.prepare(kFirstReadBytes), kNoThrow);
        worker.idleConnections.erase(&transport);
        if (error) break;
        buffer.commit(bytes);
      }
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.maxHeaderBytes));
      parser.body_limit(options.maxBodyBytes);
      transport.expires_after(options.readTimeout);
      auto [headerError, headerBytes] =
          co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
      if (headerError) {
        if (auto refusal = refusalFor(headerError, options.maxBodyBytes)) {
          Request partial;
          if (parser.is_header_done()) partial = toRequest(parser, clientIp);
          partial.clientIp = clientIp;
          co_await sendRefusal(stream, partial, *refusal, overTls);
        }
        break;
      }
      if (parser.get()[bhttp::field::expect] == "100-continue" && !parser.is_done()) {
        bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
        co_await bhttp::async_write(stream, proceed, kNoThrow);
      }
      if (!parser.is_done()) {
        auto [bodyError, bodyBytes] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
        if (bodyError) {
          if (auto refusal = refusalFor(bodyError, options.maxBodyBytes)) {
            co_await sendRefusal(stream, toRequest(parser, clientIp), *refusal, overTls);
          }
          break;
        }
      }
      Request request = toRequest(parser, clientIp);
      request.clientIp =
          options.trustedProxies.clientAddress(clientIp, request.header("x-forwarded-for"));
      // X-Forwarded-Proto is believed only from a trusted proxy, like
      // X-Forwarded-For.
      request.https = overTls || (options.trustedProxies.contains(clientIp) &&
                                  request.header("x-forwarded-proto").starts_with("https"));
      request.body = std::move(parser.get().body());
      const bool keepAlive = parser.get().keep_alive() && !shuttingDown;
      auto message = toBeast(co_await handle(request), parser.get().version(), keepAlive, overTls);
      transport.expires_after(options.readTimeout);
      auto [writeError, written] = co_await bhttp::async_write(stream, message, kNoThrow);
      if (writeError || !keepAlive) break;
    }
  }

  // The handler's response. What needs nothing slow is answered on this
  // I/O thread; everything else on a pool thread (writes on the write pool
  // when there is one), while this thread goes on with its other
  // connections. A write waits there for its commit, and the SQLite writer
  // groups the writes waiting together into one. When more requests wait
  // for a pool's threads than options.maxQueuedRequests, the answer is 503
  // overloaded with Retry-After, rather than a queue that grows without end.
  asio::awaitable<Response> handle(const Request& request) {
    if (auto answer = handler.quickAnswer(request)) co_return std::move(*answer);
    const bool mayWrite = request.method != "GET" && request.method != "HEAD";
    RequestPool& pool = writePool && mayWrite ? *writePool : *readPool;
    if (pool.taken.fetch_add(1) >= pool.capacity) {
      pool.taken.fetch_sub(1);
      co_return handler.reject(request, overloaded());
    }
    co_return co_await asio::co_spawn(
        pool.threads.get_executor(),
        [&]() -> asio::awaitable<Response> {
          Response response = handler.handle(request);  // does not throw
          pool.taken.fetch_sub(1);
          co_return response;
        },
        asio::use_awaitable);
  }

  void beginShutdown() {
    shuttingDown = true;
    asio::post(workers[0]->io, [this] {
      beast::error_code ignored;
      acceptor->close(ignored);
    });
    for (auto& worker : workers) {
      asio::post(worker->io, [&worker = *worker] {
        worker.keepRunning.reset();
        for (beast::tcp_stream* stream : worker.idleConnections) stream->cancel();
      });
    }
  }
};

Server::Server(ServerOptions options, RequestHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {
  const unsigned threads = std::max(1u, impl_->options.threads);
  for (unsigned i = 0; i < threads; ++i) impl_->workers.push_back(std::make_unique<Worker>());
  const std::size_t queuePlaces = impl_->options.maxQueuedRequests;
  impl_->readPool.emplace(std::max(1u, impl_->options.readThreads), queuePlaces);
  if (impl_->options.writeThreads > 0) {
    impl_->writePool.emplace(impl_->options.writeThreads, queuePlaces);
  }
}

Server::~Server() = default;

std::uint16_t Server::listen() {
  Impl& impl = *impl_;
  if (!impl.options.tlsCertificateFile.empty()) {
    impl.tls = loadTlsContext(impl.options.tlsCertificateFile, impl.options.tlsKeyFile);
  }
  const tcp::endpoint endpoint(asio::ip::make_address(impl.options.host), impl.options.port);
  impl.acceptor.emplace(impl.workers[0]->io);
  impl.acceptor->open(endpoint.protocol());
  impl.acceptor->set_option(asio::socket_base::reuse_address(true));
  impl.acceptor->bind(endpoint);
  impl.acceptor->listen(asio::socket_base::max_listen_connections);
  impl.acceptor->non_blocking(true);  // acceptLoop takes the queued connections at once
  impl.signals.emplace(impl.control, SIGINT, SIGTERM);
  if (!impl.options.tlsCertificateFile.empty()) {
    impl.reloadSignals.emplace(impl.control, SIGHUP);
  }
  return impl.acceptor->local_endpoint().port();
}

void Server::run() {
  Impl& impl = *impl_;
  impl.signals->async_wait([&](const beast::error_code& error, int) { impl.onSignal(error); });
  if (impl.reloadSignals) impl.reloadTlsOnSignal();
  asio::co_spawn(impl.workers[0]->io, impl.acceptLoop(), asio::detached);

  std::vector<std::future<void>> finished;
  for (auto& worker : impl.workers) {
    std::promise<void> done;
    finished.push_back(done.get_future());
    worker->thread = std::thread([&io = worker->io, done = std::move(done)]() mutable {
      io.run();
      done.set_value();
    });
  }
  impl.control.run();

  impl.beginShutdown();
  const auto deadline = std::chrono::steady_clock::now() + impl.options.drainTimeout;
  for (std::size_t i = 0; i < impl.workers.size(); ++i) {
    if (finished[i].wait_until(deadline) == std::future_status::timeout) {
      impl.workers[i]->io.stop();  // a request outlived the drain timeout
    }
    impl.workers[i]->thread.join();
  }
  // Requests in flight finish (their connections are gone if the drain
  // timed out) before the requests they read are destroyed.
  impl.readPool->threads.join();
  if (impl.writePool) impl.writePool->threads.join();
}

void Server::stop() {
  asio::post(impl_->control, [this] { impl_->control.stop(); });
}

}  // namespace tessera::http
