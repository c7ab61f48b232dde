// The e-mail a server sends (its RFC 5322 form, headers that cannot be
// injected) and the queue that sends it off the request thread, retrying
// failures and never holding more than it may.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "mail/mail_message.h"
#include "mail/mail_queue.h"

namespace tessera::mail {
namespace {

TEST(MailMessageTest, HeadersThenABodyWithCrlfLineEnds) {
  const std::string text =
      formatMessage("Tessera <t@example.com>", {"ada@example.com", "Hello", "line one\nline two\n"},
                    "example.com");
  EXPECT_EQ(
      text.rfind("From: Tessera <t@example.com>\r\nTo: ada@example.com\r\nSubject: Hello\r\n", 0),
      0u)
      << text;
  EXPECT_NE(text.find("\r\nDate: "), std::string::npos);
  EXPECT_NE(text.find("@example.com>\r\n"), std::string::npos) << "a Message-ID in the domain";
  EXPECT_NE(text.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_TRUE(text.ends_with("\r\n\r\nline one\r\nline two\r\n")) << text;
}

TEST(MailMessageTest, ALineBreakInAHeaderIsRefused) {
  EXPECT_THROW(formatMessage("t@example.com", {"a@example.com\r\nBcc: x@evil.test", "Hi", ""},
                             "example.com"),
               std::invalid_argument);
  EXPECT_THROW(
      formatMessage("t@example.com", {"a@example.com", "Hi\nBcc: x@evil.test", ""}, "example.com"),
      std::invalid_argument);
}

TEST(MailQueueTest, AFailedSendIsTriedAgainUntilItGoesThrough) {
  std::atomic<int> attempts = 0;
  std::atomic<bool> delivered = false;
  MailQueue queue([&](const MailMessage&) {
    if (++attempts < 2) throw std::runtime_error("the mail server is down");
    delivered = true;
  });
  ASSERT_TRUE(queue.enqueue({"a@example.com", "Hi", "text"}));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!delivered && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(delivered);
  EXPECT_EQ(attempts, 2) << "the second attempt comes a second after the first failed";
}

TEST(MailQueueTest, AFullQueueRefusesMoreAndAStoppedOneSendsNothing) {
  std::mutex gate;
  std::unique_lock held(gate);
  std::atomic<int> sent = 0;
  MailQueue queue(
      [&](const MailMessage&) {
        const std::lock_guard wait(gate);
        ++sent;
      },
      2);
  EXPECT_TRUE(queue.enqueue({"a@example.com", "1", ""}));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the first is being sent
  EXPECT_TRUE(queue.enqueue({"a@example.com", "2", ""}));
  EXPECT_TRUE(queue.enqueue({"a@example.com", "3", ""}));
  EXPECT_FALSE(queue.enqueue({"a@example.com", "4", ""})) << "two wait already";
  held.unlock();
  queue.stop();
  EXPECT_GE(sent, 1);
  EXPECT_LE(sent, 3);
  EXPECT_FALSE(queue.enqueue({"a@example.com", "5", ""}));
}

}  // namespace
}  // namespace tessera::mail
