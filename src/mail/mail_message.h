// An e-mail Tessera sends (password reset links; later notifications):
// plain text, one recipient, and its RFC 5322 form for SMTP.
#pragma once

#include <string>

namespace tessera::mail {

struct MailMessage {
  std::string to;       // one address, as the account has it
  std::string subject;  // ASCII, one line
  std::string text;     // UTF-8 plain text; lines end in "\n"
};

// The message as sent: headers (From, To, Subject, Date, Message-ID,
// MIME-Version, Content-Type) and the body with CRLF line ends.
// REQUIRES: no CR or LF in `from`, `message.to` or `message.subject`
// (throws std::invalid_argument otherwise: a header cannot be injected).
std::string formatMessage(const std::string& from, const MailMessage& message,
                          const std::string& messageIdDomain);

}  // namespace tessera::mail
