// Cryptographically secure randomness (libsodium's CSPRNG) and the random
// identifiers built from it. Every id, session secret and token secret in
// Tessera comes from here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessera {

// Returns `length` characters drawn uniformly from [0-9A-Za-z].
// Each character carries log2(62) ~ 5.95 bits of entropy.
std::string randomBase62(std::size_t length);

// Returns a new identifier: `prefix` followed by 20 base62 characters
// (119 random bits), e.g. "spcY8q3...". Prefixes name the kind of object.
std::string newId(std::string_view prefix);

// `count` identifiers of newId's form whose first 8 characters are
// `unixMillis` in base62 and the other 12 random (71 bits), so that ids
// made one after another sort together: inserting them into an index
// (records' __id) appends to its last pages instead of dirtying a random
// page per row. The random characters of all are drawn at once (one
// system call per ~5 ids, not one per id).
// REQUIRES: 0 <= unixMillis < 62^8 (the year 8895).
std::vector<std::string> newTimeOrderedIds(std::string_view prefix, std::int64_t unixMillis,
                                           std::size_t count);

}  // namespace tessera
