// SHA-256 digests of secrets (session values, token secrets) and a
// constant-time comparison. Secrets are stored only as these digests.
#pragma once

#include <string>
#include <string_view>

namespace tessera::auth {

// Lower-case hex SHA-256 of `secret`.
std::string sha256Hex(std::string_view secret);

// Compares in time that depends only on the lengths, never on the contents.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tessera::auth
