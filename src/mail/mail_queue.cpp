#include "mail/mail_queue.h"

#include <spdlog/spdlog.h>

#include <array>

namespace tessera::mail {
namespace {

constexpr std::array<std::chrono::seconds, 3> kRetryAfter = {
    std::chrono::seconds(1), std::chrono::seconds(10), std::chrono::seconds(60)};

}  // namespace

MailQueue::MailQueue(Deliver deliver, std::size_t capacity)
    : deliver_(std::move(deliver)), capacity_(capacity), thread_([this] { run(); }) {}

MailQueue::~MailQueue() { stop(); }

bool MailQueue::enqueue(MailMessage message) {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ || pending_.size() >= capacity_) return false;
    pending_.push_back({std::move(message), 0, std::chrono::steady_clock::now()});
  }
  wake_.notify_one();
  return true;
}

void MailQueue::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void MailQueue::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (pending_.empty()) {
      wake_.wait(lock);
      continue;
    }
    // The next message whose time has come, or a wait until the first one's.
    auto due = pending_.begin();
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->notBefore < due->notBefore) due = it;
    }
    if (due->notBefore > std::chrono::steady_clock::now()) {
      wake_.wait_until(lock, due->notBefore);
      continue;
    }
    Pending sending = std::move(*due);
    pending_.erase(due);
    lock.unlock();
    std::string failure;
    try {
      deliver_(sending.message);
    } catch (const std::exception& error) {
      failure = error.what();
    }
    lock.lock();
    if (failure.empty()) continue;
    if (sending.attempts < static_cast<int>(kRetryAfter.size())) {
      spdlog::warn("mail \"{}\" not sent, will try again: {}", sending.message.subject, failure);
      sending.notBefore = std::chrono::steady_clock::now() + kRetryAfter[sending.attempts];
      ++sending.attempts;
      pending_.push_back(std::move(sending));
    } else {
      spdlog::error("mail \"{}\" given up after {} attempts: {}", sending.message.subject,
                    sending.attempts + 1, failure);
    }
  }
}

}  // namespace tessera::mail
