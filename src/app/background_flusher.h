// A thread that runs a flush function every `interval` and once more when
// stopped (last-used times, buffered audit events, and purging the trash
// of deleted fields and views past its retention).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace tessera::app {

class BackgroundFlusher {
 public:
  BackgroundFlusher(std::chrono::milliseconds interval, std::function<void()> flush);
  ~BackgroundFlusher();
  // Flushes one last time and joins. Idempotent.
  void stop();

 private:
  void run();

  const std::chrono::milliseconds interval_;
  const std::function<void()> flush_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tessera::app
