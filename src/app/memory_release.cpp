#include "app/memory_release.h"

#include <malloc.h>

namespace tessera::app {

void releaseFreeMemory() { malloc_trim(0); }

void IdleMemoryRelease::tick(std::uint64_t requestsAnswered) {
  const bool idle = lastSeen_ == requestsAnswered;
  lastSeen_ = requestsAnswered;
  if (!idle) {
    released_ = false;
    return;
  }
  if (released_) return;
  release_();
  released_ = true;
}

}  // namespace tessera::app
