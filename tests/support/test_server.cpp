#include "support/test_server.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/files.h"

extern char** environ;

namespace tessera::testing {
namespace {

// The binary under test: this build's, unless TESSERA_TEST_BINARY names
// another (scripts/sanitize.sh runs the suites against sanitizer builds).
const char* tesseraBinary() {
  const char* other = std::getenv("TESSERA_TEST_BINARY");
  return other && *other ? other : TESSERA_BINARY;
}

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& stdoutFile,
            const std::filesystem::path& stdinFile, const std::filesystem::path& stderrFile = {},
            const std::vector<std::string>& extraEnvironment = {}) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(tesseraBinary()));
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdinFile.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdoutFile.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  if (stderrFile.empty()) {
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
  } else {
    posix_spawn_file_actions_addopen(&actions, 2, stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
  }
  std::vector<char*> envp;
  for (char** entry = environ; *entry; ++entry) envp.push_back(*entry);
  for (const std::string& entry : extraEnvironment)
    envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + std::string(argv[0]));
  return pid;
}

int exitStatusOf(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1000;
}

}  // namespace

TestServer::TestServer(std::vector<std::string> extraArgs, Until until)
    : root_(makeTempDir()),
      dataDir_(root_ / "data"),
      logFile_(root_ / "server.log"),
      database_(std::make_unique<TestDatabase>(dataDir_)),
      extraArgs_(std::move(extraArgs)),
      until_(until) {
  launch();
}

TestServer::~TestServer() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

void TestServer::launch() {
  const auto readyFile = root_ / "ready";
  std::filesystem::remove(readyFile);
  const std::string listen = port_ == 0 ? "127.0.0.1:0" : "127.0.0.1:" + std::to_string(port_);
  const auto given = [this](const std::string& option) {
    return std::find(extraArgs_.begin(), extraArgs_.end(), option) != extraArgs_.end();
  };
  std::vector<std::string> args = {"serve", "--listen", listen, "--ready-file", readyFile.string()};
  if (!given("--threads")) args.insert(args.end(), {"--threads", "2"});
  // A --database among the extra arguments replaces the server's own.
  const bool ownDatabase = !given("--database");
  const std::vector<std::string> storage = database_->args();  // option, value, ...
  for (std::size_t i = 0; i + 1 < storage.size(); i += 2) {
    if (ownDatabase || storage[i] != "--database")
      args.insert(args.end(), {storage[i], storage[i + 1]});
  }
  args.insert(args.end(), extraArgs_.begin(), extraArgs_.end());
  pid_ = spawn(args, logFile_, "/dev/null");
  if (until_ == Until::Listening) {
    port_ = waitForListening();
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!std::filesystem::exists(readyFile)) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("tessera exited at start-up:\n" + logText());
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("tessera did not become ready:\n" + logText());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const std::string address = readFile(readyFile);
  port_ = static_cast<std::uint16_t>(std::stoul(address.substr(address.rfind(':') + 1)));
}

std::uint16_t TestServer::waitForListening() {
  const std::string marker = "listening on http://127.0.0.1:";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (int status = 0; waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("tessera exited at start-up:\n" + logText());
    }
    const std::string log = logText();
    const std::size_t at = log.find(marker);
    if (at != std::string::npos && log.find('\n', at) != std::string::npos) {
      return static_cast<std::uint16_t>(std::stoul(log.substr(at + marker.size())));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("tessera did not listen:\n" + logText());
}

std::string TestServer::logText() const { return readFile(logFile_); }

void TestServer::sendSignal(int signal) const { kill(pid_, signal); }

int TestServer::waitForExit() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return exitStatusOf(status);
}

int TestServer::stop() {
  sendSignal(SIGTERM);
  return waitForExit();
}

void TestServer::restart() { launch(); }

std::vector<std::string> onDatabaseOf(const TestServer& server, std::vector<std::string> args) {
  const std::vector<std::string> storage = server.database().args();
  args.insert(args.end(), storage.begin(), storage.end());
  return args;
}

int runTessera(const std::vector<std::string>& args, const std::string& input,
               std::string& output) {
  const std::filesystem::path root = makeTempDir();
  {
    std::ofstream in(root / "stdin");
    in << input;
  }
  const pid_t pid = spawn(args, root / "output", root / "stdin");
  int status = 0;
  waitpid(pid, &status, 0);
  output = readFile(root / "output");
  std::filesystem::remove_all(root);
  return exitStatusOf(status);
}

int runTesseraApart(const std::vector<std::string>& args,
                    const std::vector<std::string>& environment, const std::string& input,
                    std::string& out, std::string& err) {
  const std::filesystem::path root = makeTempDir();
  {
    std::ofstream in(root / "stdin");
    in << input;
  }
  const pid_t pid = spawn(args, root / "stdout", root / "stdin", root / "stderr", environment);
  int status = 0;
  waitpid(pid, &status, 0);
  out = readFile(root / "stdout");
  err = readFile(root / "stderr");
  std::filesystem::remove_all(root);
  return exitStatusOf(status);
}

std::int64_t residentKiB(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stoll(line.substr(6));
  }
  throw std::runtime_error("no VmRSS for process " + std::to_string(pid));
}

std::int64_t openFileDescriptors(pid_t pid) {
  const std::filesystem::path fds = "/proc/" + std::to_string(pid) + "/fd";
  return std::distance(std::filesystem::directory_iterator(fds),
                       std::filesystem::directory_iterator());
}

}  // namespace tessera::testing
