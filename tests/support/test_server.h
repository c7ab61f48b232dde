// Starts the real `tessera serve` binary on a free loopback port with its
// own temporary data directory, for integration tests, and stops it with
// SIGTERM. Server logs are kept in a file the test can read.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/test_database.h"

namespace tessera::testing {

class TestServer {
 public:
  // How far start-up goes before the constructor returns: the ready file
  // (database open and migrated), or only the listening socket.
  enum class Until { Ready, Listening };

  // `extraArgs` are appended to `tessera serve ...`; a --database or
  // --threads among them replaces the server's own setting.
  explicit TestServer(std::vector<std::string> extraArgs = {}, Until until = Until::Ready);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::uint16_t port() const { return port_; }
  // The server process; its resident memory is residentKiB(pid()).
  pid_t pid() const { return pid_; }
  const std::filesystem::path& dataDir() const { return dataDir_; }
  // The database this server uses (SQLite in dataDir(), or PostgreSQL).
  const TestDatabase& database() const { return *database_; }
  std::string logText() const;

  // Sends SIGTERM and waits; returns the exit status (or -signal).
  int stop();
  // Starts the server again on the same data directory (after stop()).
  void restart();
  void sendSignal(int signal) const;
  // Waits for the process to exit; returns the exit status (or -signal).
  int waitForExit();

 private:
  void launch();
  // The port of the "listening on http://HOST:PORT" log line, once written.
  // Throws when the process exits first.
  std::uint16_t waitForListening();

  std::filesystem::path root_;
  std::filesystem::path dataDir_;
  std::filesystem::path logFile_;
  std::unique_ptr<TestDatabase> database_;
  std::vector<std::string> extraArgs_;
  Until until_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

// What /proc says of a process: resident memory in KiB, open descriptors.
std::int64_t residentKiB(pid_t pid);
std::int64_t openFileDescriptors(pid_t pid);

// `args` followed by the options that point a tessera command at the
// server's database.
std::vector<std::string> onDatabaseOf(const TestServer& server, std::vector<std::string> args);

// Runs the tessera binary with `args`, feeding `input` to stdin. Returns
// the exit status; stdout and stderr are captured into `output`.
int runTessera(const std::vector<std::string>& args, const std::string& input, std::string& output);

// The same with extra environment variables ("NAME=value") and stdout and
// stderr captured apart.
int runTesseraApart(const std::vector<std::string>& args,
                    const std::vector<std::string>& environment, const std::string& input,
                    std::string& out, std::string& err);

}  // namespace tessera::testing
