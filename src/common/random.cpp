#include "common/random.h"

#include <sodium.h>

#include <stdexcept>

namespace tessera {
namespace {

constexpr std::string_view kBase62Alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kIdRandomChars = 20;

void ensureSodium() {
  static const int initialised = sodium_init();
  if (initialised < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string randomBase62(std::size_t length) {
  ensureSodium();
  std::string out;
  out.reserve(length);
  for (std::size_t i = 0; i < length; ++i) {
    // randombytes_uniform avoids modulo bias.
    out.push_back(kBase62Alphabet[randombytes_uniform(kBase62Alphabet.size())]);
  }
  return out;
}

std::string newId(std::string_view prefix) {
  std::string id(prefix);
  id += randomBase62(kIdRandomChars);
  return id;
}

}  // namespace tessera
