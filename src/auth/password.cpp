#include "auth/password.h"

#include <sodium.h>

#include <stdexcept>

namespace tessera::auth {

std::string hashPassword(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(encoded, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return encoded;
}

bool verifyPassword(std::string_view encodedHash, std::string_view password) {
  const std::string hash(encodedHash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verifyAgainstDummy(std::string_view password) {
  static const std::string dummy = hashPassword("tessera-dummy-password");
  verifyPassword(dummy, password);
}

}  // namespace tessera::auth
