// Hands an idle server's free memory back to the kernel. glibc gives each
// thread an arena of its own (up to 8 per core) and keeps what is freed in
// it: after a busy spell, the pool threads' arenas held twice the memory
// in use (docs/performance.md).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

namespace tessera::app {

// Hands memory freed by the allocator back to the kernel (malloc_trim).
void releaseFreeMemory();

// Told, once per tick, how many requests were answered so far; releases
// free memory on the first tick that saw no new request, so an idle
// server shrinks once and a busy one is not slowed down.
class IdleMemoryRelease {
 public:
  explicit IdleMemoryRelease(std::function<void()> release = releaseFreeMemory)
      : release_(std::move(release)) {}

  void tick(std::uint64_t requestsAnswered);

 private:
  std::function<void()> release_;
  std::optional<std::uint64_t> lastSeen_;
  bool released_ = false;
};

}  // namespace tessera::app
