// A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) on a
// free loopback port, storing every message it receives in a maildir the
// test reads. Stopped when the object goes.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tessera::testing {

class MailSink {
 public:
  MailSink();
  ~MailSink();
  MailSink(const MailSink&) = delete;
  MailSink& operator=(const MailSink&) = delete;

  // "smtp://127.0.0.1:PORT", for --smtp-url.
  std::string url() const;
  // Every message received so far (headers and body), oldest first.
  std::vector<std::string> messages() const;
  // Waits until `count` messages arrived (or `timeout` passed); returns them.
  std::vector<std::string> waitForMessages(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  std::filesystem::path root_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace tessera::testing
