#include "support/mail_sink.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/files.h"

extern char** environ;

namespace tessera::testing {
namespace {

sockaddr_in loopback(std::uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// A port nobody listens on now (the kernel's choice for port 0).
std::uint16_t freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    throw std::runtime_error("no free port for the mail server");
  }
  close(fd);
  return ntohs(address.sin_port);
}

bool accepts(std::uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const sockaddr_in address = loopback(port);
  const bool ok = connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

}  // namespace

MailSink::MailSink() : root_(makeTempDir()), port_(freePort()) {
  const std::string listen = "127.0.0.1:" + std::to_string(port_);
  const std::string maildir = (root_ / "mail").string();
  std::vector<std::string> args = {
      "/usr/bin/python3",          "-m",   "aiosmtpd", "-n", "-l", listen, "-c",
      "aiosmtpd.handlers.Mailbox", maildir};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log = (root_ / "aiosmtpd.log").string();
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const int error = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start aiosmtpd (python3-aiosmtpd)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!accepts(port_)) {
    if (std::chrono::steady_clock::now() > deadline) {
      std::ifstream in(log);
      std::stringstream text;
      text << in.rdbuf();
      throw std::runtime_error("aiosmtpd did not start: " + text.str());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

MailSink::~MailSink() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

std::string MailSink::url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

std::vector<std::string> MailSink::messages() const {
  std::vector<std::pair<std::filesystem::file_time_type, std::string>> found;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(root_ / "mail" / "new", error)) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    found.emplace_back(entry.last_write_time(), text.str());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> messages;
  for (auto& [time, text] : found) messages.push_back(std::move(text));
  return messages;
}

std::vector<std::string> MailSink::waitForMessages(std::size_t count,
                                                   std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<std::string> received = messages();
  while (received.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    received = messages();
  }
  return received;
}

}  // namespace tessera::testing
