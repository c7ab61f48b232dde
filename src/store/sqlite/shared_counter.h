// A 64-bit counter in a small file mapped into memory, shared by every
// process that opens the same database: the server and the `tessera`
// commands run beside it. Reading it costs one atomic load, so caches can
// check it on every request.
#pragma once

#include <cstdint>
#include <string>

namespace tessera::store {

class SharedCounter {
 public:
  // Opens or creates the counter file at `path`. Throws StoreError when it
  // cannot be opened or mapped.
  explicit SharedCounter(const std::string& path);
  ~SharedCounter();
  SharedCounter(const SharedCounter&) = delete;
  SharedCounter& operator=(const SharedCounter&) = delete;

  std::uint64_t load() const;
  void increment();

 private:
  int fd_ = -1;
  std::uint64_t* value_ = nullptr;
};

}  // namespace tessera::store
