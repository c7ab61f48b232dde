// Password hashing with Argon2id (libsodium's crypto_pwhash_str, its
// "interactive" cost). The encoded hash carries its own salt and cost, so
// the cost can be raised later without breaking old hashes.
#pragma once

#include <string>
#include <string_view>

namespace tessera::auth {

std::string hashPassword(std::string_view password);

bool verifyPassword(std::string_view encodedHash, std::string_view password);

// Spends the same time as verifyPassword on a real hash, for sign-ins with
// an unknown email, so timing does not reveal which emails have accounts.
void verifyAgainstDummy(std::string_view password);

}  // namespace tessera::auth
