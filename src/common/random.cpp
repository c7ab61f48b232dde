#include "common/random.h"

#include <sodium.h>

#include <stdexcept>

namespace tessera {
namespace {

constexpr std::string_view kBase62Alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kIdRandomChars = 20;
constexpr std::size_t kIdTimeChars = 8;

void ensureSodium() {
  static const int initialised = sodium_init();
  if (initialised < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string randomBase62(std::size_t length) {
  ensureSodium();
  std::string out;
  out.reserve(length);
  // One call to the CSPRNG (one getrandom system call) per batch of bytes,
  // not one per character. Bytes of 248 and above are dropped so that every
  // character stays exactly uniform (248 = 4 * 62): no modulo bias.
  unsigned char bytes[64];
  while (out.size() < length) {
    randombytes_buf(bytes, sizeof bytes);
    for (const unsigned char byte : bytes) {
      if (byte >= 248) continue;
      out.push_back(kBase62Alphabet[byte % kBase62Alphabet.size()]);
      if (out.size() == length) break;
    }
  }
  return out;
}

std::string newId(std::string_view prefix) {
  std::string id(prefix);
  id += randomBase62(kIdRandomChars);
  return id;
}

std::vector<std::string> newTimeOrderedIds(std::string_view prefix, std::int64_t unixMillis,
                                           std::size_t count) {
  std::string head(prefix);
  head.append(kIdTimeChars, '0');
  auto rest = static_cast<std::uint64_t>(unixMillis);
  for (std::size_t i = head.size(); rest > 0 && i > prefix.size(); rest /= kBase62Alphabet.size()) {
    head[--i] = kBase62Alphabet[rest % kBase62Alphabet.size()];
  }
  constexpr std::size_t kRandomChars = kIdRandomChars - kIdTimeChars;
  const std::string random = randomBase62(kRandomChars * count);
  std::vector<std::string> ids;
  ids.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    ids.push_back(head + random.substr(i * kRandomChars, kRandomChars));
  }
  return ids;
}

}  // namespace tessera
