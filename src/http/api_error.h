// ApiError is how any layer refuses a request: an HTTP status, a stable
// machine-readable code, and a message a person understands. The pipeline
// renders every one as {"status","code","message"}; nothing else reaches a
// client as an error.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

#include "common/duration_text.h"
#include "http/request.h"

namespace tessera::http {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  // Extra headers for the error response (Allow, Retry-After, ...).
  const HeaderList& headers() const { return headers_; }
  ApiError& withHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }

 private:
  int status_;
  std::string code_;
  HeaderList headers_;
};

inline ApiError badRequest(std::string code, const std::string& message) {
  return ApiError(400, std::move(code), message);
}
inline ApiError notFound(const std::string& message) { return ApiError(404, "not_found", message); }
inline ApiError forbidden(std::string code, const std::string& message) {
  return ApiError(403, std::move(code), message);
}
inline ApiError conflict(std::string code, const std::string& message) {
  return ApiError(409, std::move(code), message);
}
// 429 with Retry-After: `why` is a sentence, then when to try again in
// words a person reads ("Try again in 15 minutes.").
inline ApiError tooManyRequests(std::string code, const std::string& why,
                                std::chrono::seconds wait) {
  return ApiError(429, std::move(code), why + " Try again in " + waitInWords(wait) + ".")
      .withHeader("Retry-After", std::to_string(wait.count()));
}

}  // namespace tessera::http
