// Logging set-up and the per-request access line. Lines are logfmt
// (key=value) on stderr. Never log a header value, a cookie, a body, a
// query string, a password or a token.
#pragma once

#include <string>
#include <string_view>

namespace tessera::app {

// Sends logs to stderr at `level` ("info", "debug", ...), UTC timestamps.
void setUpLogging(const std::string& level);

struct AccessRecord {
  std::string_view method;
  std::string_view path;  // without query string
  int status = 0;
  double durationMillis = 0;
  std::string_view requestId;
  std::string_view userId;   // empty when unknown
  std::string_view tokenId;  // empty when unknown
  std::string_view clientIp;
  std::string_view errorCode;  // the error's code when status >= 400
};

void logAccess(const AccessRecord& record);

// Quotes a logfmt value when it holds spaces, quotes or control bytes.
std::string logfmtValue(std::string_view value);

}  // namespace tessera::app
