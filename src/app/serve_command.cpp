#include <spdlog/spdlog.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>

#include "app/application.h"
#include "app/commands.h"
#include "app/database_url.h"
#include "app/serving_handler.h"
#include "http/server.h"
#include "store/sqlite/serving_lock.h"

namespace tessera::app {
namespace {

http::ServerOptions serverOptions(const Config& config, ServingHandler& serving) {
  http::ServerOptions options;
  options.host = config.host();
  options.port = config.port();
  options.threads = config.effectiveThreads();
  options.readThreads = config.effectiveReadThreads();
  options.writeThreads = config.effectiveWriteThreads();
  options.maxQueuedRequests = config.maxQueuedRequests;
  options.maxBodyBytes = config.maxBodyBytes;
  options.readTimeout = std::chrono::seconds(config.requestTimeoutSeconds);
  options.idleTimeout = std::chrono::seconds(config.idleTimeoutSeconds);
  options.drainTimeout = std::chrono::seconds(config.shutdownTimeoutSeconds);
  options.drainDelay = std::chrono::seconds(config.drainDelaySeconds);
  options.onShutdownSignal = [&serving, delay = config.drainDelaySeconds] {
    spdlog::info("shutdown requested: /readyz says draining; closing the listener in {} s", delay);
    serving.startDraining();
  };
  options.trustedProxies = http::TrustedProxies(config.trustedProxies);
  options.tlsCertificateFile = config.tlsCertFile;
  options.tlsKeyFile = config.tlsKeyFile;
  options.onTlsReloaded = [](const std::string& failure) {
    if (failure.empty()) {
      spdlog::info("SIGHUP: TLS certificate reloaded; new connections use it");
    } else {
      spdlog::error("SIGHUP: TLS certificate not reloaded, the previous one stays: {}", failure);
    }
  };
  return options;
}

void writeReadyFile(const std::string& path, const std::string& address) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    out << address << "\n";
  }
  std::rename(temporary.c_str(), path.c_str());  // readers never see half a file
}

}  // namespace

// The server listens first and answers for itself (app/serving_handler.h)
// while the application opens and migrates the database on another
// thread; then every request goes to the application, and the ready file
// is written. A start-up failure stops the server and is rethrown.
int runServe(const Config& config) {
  spdlog::info("tessera starting with:\n{}", describe(config));
  // Held while serving, so `tessera restore` cannot run beside this server.
  std::optional<store::ServingLock> servingLock;
  const DatabaseUrl url = parseDatabaseUrl(config.database, config.dataDir);
  if (url.backend == DatabaseUrl::Backend::Sqlite) {
    const std::filesystem::path file(url.location);
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    servingLock.emplace(url.location, store::ServingLock::Mode::Serving);
  }
  ServingHandler serving;
  http::Server server(serverOptions(config, serving), serving);
  const std::uint16_t port = server.listen();
  const std::string address = config.host() + ":" + std::to_string(port);
  spdlog::info("listening on {}://{}", config.tlsCertFile.empty() ? "http" : "https", address);

  std::unique_ptr<Application> application;
  std::exception_ptr startFailure;
  std::thread starter([&] {
    try {
      // Links and discovery documents name the port actually bound (with
      // --listen ...:0 the configured one is 0), unless --public-url says.
      Config bound = config;
      if (bound.publicUrl.empty()) bound.publicUrl = bound.effectivePublicUrl(address);
      application = std::make_unique<Application>(bound);
      serving.serveWith(application->handler());
      spdlog::info("ready");
      if (!config.readyFile.empty()) writeReadyFile(config.readyFile, address);
    } catch (...) {
      startFailure = std::current_exception();
      server.stop();
    }
  });
  server.run();
  starter.join();
  if (startFailure) std::rethrow_exception(startFailure);
  spdlog::info("shutting down: requests finished, flushing the database");
  application->flush();
  application->database().close();
  spdlog::info("stopped");
  return 0;
}

}  // namespace tessera::app
