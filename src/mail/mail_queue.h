// E-mails waiting to be sent, sent one by one on a thread of their own so
// a slow mail server never holds up a request. A failed send is tried
// again after 1 s, 10 s and 60 s, then given up with a warning in the log
// (which names the message's purpose, never its text: it may hold a
// link's secret). The queue lives in memory only, so no secret is written
// to the database; what waits when the server stops is not sent.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "mail/mail_message.h"

namespace tessera::mail {

class MailQueue {
 public:
  using Deliver = std::function<void(const MailMessage&)>;
  // `deliver` throws on failure (any std::exception).
  explicit MailQueue(Deliver deliver, std::size_t capacity = 1000);
  ~MailQueue();
  MailQueue(const MailQueue&) = delete;
  MailQueue& operator=(const MailQueue&) = delete;

  // Returns false (and sends nothing) when `capacity` messages wait already.
  bool enqueue(MailMessage message);
  // Ends the thread; messages still waiting are dropped.
  void stop();

 private:
  struct Pending {
    MailMessage message;
    int attempts = 0;
    std::chrono::steady_clock::time_point notBefore;
  };

  void run();

  Deliver deliver_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> pending_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tessera::mail
