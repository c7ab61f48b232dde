#include "app/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

namespace tessera::app {

void setUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("tessera");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

std::string logfmtValue(std::string_view value) {
  bool plain = !value.empty();
  for (const char c : value) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '=' || c == '\\' ||
        static_cast<unsigned char>(c) == 0x7f) {
      plain = false;
    }
  }
  if (plain) return std::string(value);
  std::string quoted = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (static_cast<unsigned char>(c) < ' ' || static_cast<unsigned char>(c) == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned char>(c));
      quoted += escaped;
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

void logAccess(const AccessRecord& record) {
  if (!spdlog::should_log(spdlog::level::info)) return;  // nothing to format
  std::string line = "request method=" + logfmtValue(record.method) +
                     " path=" + logfmtValue(record.path) +
                     " status=" + std::to_string(record.status);
  char duration[32];
  std::snprintf(duration, sizeof duration, " duration_ms=%.3f", record.durationMillis);
  line += duration;
  line += " request_id=" + logfmtValue(record.requestId);
  if (!record.userId.empty()) line += " user_id=" + logfmtValue(record.userId);
  if (!record.tokenId.empty()) line += " token_id=" + logfmtValue(record.tokenId);
  if (!record.clientIp.empty()) line += " ip=" + logfmtValue(record.clientIp);
  if (!record.errorCode.empty()) line += " error=" + logfmtValue(record.errorCode);
  spdlog::info(line);
}

}  // namespace tessera::app
