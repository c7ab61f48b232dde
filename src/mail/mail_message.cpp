#include "mail/mail_message.h"

#include <ctime>
#include <stdexcept>

#include "common/random.h"

namespace tessera::mail {
namespace {

void refuseLineBreaks(const std::string& header, const std::string& value) {
  if (value.find_first_of("\r\n") != std::string::npos) {
    throw std::invalid_argument("an e-mail " + header + " cannot contain a line break");
  }
}

std::string rfc5322Date() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

std::string withCrlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (const char c : text) {
    if (c == '\r') continue;
    if (c == '\n') out += '\r';
    out += c;
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

}  // namespace

std::string formatMessage(const std::string& from, const MailMessage& message,
                          const std::string& messageIdDomain) {
  refuseLineBreaks("sender", from);
  refuseLineBreaks("recipient", message.to);
  refuseLineBreaks("subject", message.subject);
  refuseLineBreaks("message id", messageIdDomain);
  return "From: " + from + "\r\nTo: " + message.to + "\r\nSubject: " + message.subject +
         "\r\nDate: " + rfc5322Date() + "\r\nMessage-ID: <" + randomBase62(24) + "@" +
         messageIdDomain +
         ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
         withCrlf(message.text);
}

}  // namespace tessera::mail
