#include <spdlog/spdlog.h>

#include <fstream>

#include "app/application.h"
#include "app/commands.h"
#include "http/server.h"

namespace tessera::app {
namespace {

http::ServerOptions serverOptions(const Config& config) {
  http::ServerOptions options;
  options.host = config.host();
  options.port = config.port();
  options.threads = config.effectiveThreads();
  options.maxBodyBytes = config.maxBodyBytes;
  options.readTimeout = std::chrono::seconds(config.requestTimeoutSeconds);
  options.idleTimeout = std::chrono::seconds(config.idleTimeoutSeconds);
  options.drainTimeout = std::chrono::seconds(config.shutdownTimeoutSeconds);
  options.trustedProxies = http::TrustedProxies(config.trustedProxies);
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

int runServe(const Config& config) {
  spdlog::info("tessera starting with:\n{}", describe(config));
  Application application(config);
  http::Server server(serverOptions(config), application.handler());
  const std::uint16_t port = server.listen();
  const std::string address = config.host() + ":" + std::to_string(port);
  spdlog::info("listening on http://{}", address);
  if (!config.readyFile.empty()) writeReadyFile(config.readyFile, address);
  server.run();
  spdlog::info("shutting down: requests finished, flushing the database");
  application.flush();
  application.database().close();
  spdlog::info("stopped");
  return 0;
}

}  // namespace tessera::app
