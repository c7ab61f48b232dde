#include "app/background_flusher.h"

#include <spdlog/spdlog.h>

namespace tessera::app {

BackgroundFlusher::BackgroundFlusher(std::chrono::milliseconds interval,
                                     std::function<void()> flush)
    : interval_(interval), flush_(std::move(flush)), thread_([this] { run(); }) {}

BackgroundFlusher::~BackgroundFlusher() { stop(); }

void BackgroundFlusher::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void BackgroundFlusher::run() {
  while (true) {
    bool last = false;
    {
      std::unique_lock lock(mutex_);
      last = wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
    try {
      flush_();
    } catch (const std::exception& error) {
      spdlog::warn("background flush failed (will retry): {}", error.what());
    }
    if (last) return;
  }
}

}  // namespace tessera::app
