// Sends one e-mail over SMTP with libcurl: smtps:// (TLS from the start) or
// smtp:// (STARTTLS when the server offers it, and required when a user
// name is set, so a password never crosses the network in clear).
#pragma once

#include <stdexcept>
#include <string>

#include "mail/mail_message.h"

namespace tessera::mail {

struct SmtpSettings {
  std::string url;       // smtp://host[:port] or smtps://host[:port]
  std::string from;      // the sender address, e.g. tessera@example.com
  std::string user;      // empty: no authentication
  std::string password;  // from TESSERA_SMTP_PASSWORD, never a flag
};

class MailError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SmtpSender {
 public:
  explicit SmtpSender(SmtpSettings settings);
  // Throws MailError (the server refused, or could not be reached within
  // 30 s) or std::invalid_argument (a line break in a header).
  void send(const MailMessage& message) const;

 private:
  SmtpSettings settings_;
  std::string domain_;  // for Message-IDs: the sender's domain
};

}  // namespace tessera::mail
