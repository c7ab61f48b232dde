#include "common/random.h"

#include <pthread.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <span>
#include <stdexcept>

namespace tessera {
namespace {

constexpr std::string_view kBase62Alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::size_t kIdRandomChars = 20;
constexpr std::size_t kIdTimeChars = 8;

// Advanced in a child process after fork(), whose copy of every thread's
// buffer must never hand out what the parent also hands out.
std::atomic<unsigned> forks{0};

void ensureSodium() {
  static const int initialised = [] {
    pthread_atfork(nullptr, nullptr, [] { forks.fetch_add(1, std::memory_order_relaxed); });
    return sodium_init();
  }();
  if (initialised < 0) throw std::runtime_error("libsodium failed to initialise");
}

// Bytes of libsodium's CSPRNG drawn 4 KiB at a time per thread: one
// getrandom system call per ~200 ids instead of one per id (a request id
// is made for every request). Bytes handed out are wiped from the buffer
// at once, so the process never keeps a random value it gave away.
class ThreadRandomBytes {
 public:
  ThreadRandomBytes(const ThreadRandomBytes&) = delete;
  ThreadRandomBytes& operator=(const ThreadRandomBytes&) = delete;
  ThreadRandomBytes() = default;
  ~ThreadRandomBytes() { sodium_memzero(bytes_.data(), bytes_.size()); }

  void take(unsigned char* out, std::size_t count) {
    const unsigned forksNow = forks.load(std::memory_order_relaxed);
    if (forksSeen_ != forksNow) {
      sodium_memzero(bytes_.data(), bytes_.size());
      next_ = bytes_.size();
      forksSeen_ = forksNow;
    }
    while (count > 0) {
      if (next_ == bytes_.size()) {
        randombytes_buf(bytes_.data(), bytes_.size());
        next_ = 0;
      }
      const std::size_t taken = std::min(count, bytes_.size() - next_);
      std::memcpy(out, bytes_.data() + next_, taken);
      sodium_memzero(bytes_.data() + next_, taken);
      next_ += taken;
      out += taken;
      count -= taken;
    }
  }

 private:
  std::array<unsigned char, 4096> bytes_{};
  std::size_t next_ = bytes_.size();
  unsigned forksSeen_ = 0;
};

void randomBytes(unsigned char* out, std::size_t count) {
  ensureSodium();
  thread_local ThreadRandomBytes buffer;
  buffer.take(out, count);
}

}  // namespace

std::string randomBase62(std::size_t length) {
  std::string out;
  out.reserve(length);
  // Bytes of 248 and above are dropped so that every character stays
  // exactly uniform (248 = 4 * 62): no modulo bias. 1 byte in 32 is
  // dropped, so asking for 1/16 more than needed mostly takes one round.
  unsigned char bytes[64];
  while (out.size() < length) {
    const std::size_t missing = length - out.size();
    const std::size_t asked = std::min(sizeof bytes, missing + missing / 16 + 1);
    randomBytes(bytes, asked);
    for (const unsigned char byte : std::span(bytes, asked)) {
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
