// The one error type the store throws. Feature code maps `kind` to an API
// answer (a unique violation becomes 409, unavailability 503); the backend's
// own message is for logs only and never reaches a client.
#pragma once

#include <stdexcept>
#include <string>

namespace tessera::store {

class StoreError : public std::runtime_error {
 public:
  // Conflict: the transaction lost a race with a concurrent one (a
  // serialization failure or deadlock); the backend retries it.
  enum class Kind { UniqueViolation, ForeignKeyViolation, Unavailable, Conflict, Other };

  StoreError(Kind kind, const std::string& detail) : std::runtime_error(detail), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace tessera::store
