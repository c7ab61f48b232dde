// Cryptographically secure randomness (libsodium's CSPRNG) and the random
// identifiers built from it. Every id, session secret and token secret in
// Tessera comes from here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tessera {

// Returns `length` characters drawn uniformly from [0-9A-Za-z].
// Each character carries log2(62) ~ 5.95 bits of entropy.
std::string randomBase62(std::size_t length);

// Returns a new identifier: `prefix` followed by 20 base62 characters
// (119 random bits), e.g. "spcY8q3...". Prefixes name the kind of object.
std::string newId(std::string_view prefix);

}  // namespace tessera
