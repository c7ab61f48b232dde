#include "auth/attempt_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace tessera::auth {
namespace {

TEST(AttemptLimiterTest, BlocksAfterTheAllowanceAndOnlyThatKey) {
  AttemptLimiter limiter(3, std::chrono::seconds(60));
  for (int i = 0; i < 2; ++i) limiter.recordFailure("a");
  EXPECT_FALSE(limiter.blockedFor("a"));
  limiter.recordFailure("a");
  const auto wait = limiter.blockedFor("a");
  ASSERT_TRUE(wait);
  EXPECT_GE(wait->count(), 59);
  EXPECT_LE(wait->count(), 60);
  EXPECT_FALSE(limiter.blockedFor("b"));
  limiter.clear("a");
  EXPECT_FALSE(limiter.blockedFor("a"));
}

TEST(AttemptLimiterTest, FailuresLeaveTheWindow) {
  AttemptLimiter limiter(1, std::chrono::seconds(1));
  limiter.recordFailure("a");
  EXPECT_TRUE(limiter.blockedFor("a"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_FALSE(limiter.blockedFor("a"));
}

TEST(AttemptLimiterTest, AttemptsAdmittedTogetherNeverPassTheAllowance) {
  AttemptLimiter limiter(5, std::chrono::seconds(60));
  std::atomic<int> admitted = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (!limiter.admitAttempt("a")) ++admitted;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(admitted.load(), 5);
}

TEST(AttemptLimiterTest, AForgivenAttemptFreesItsPlace) {
  AttemptLimiter limiter(2, std::chrono::seconds(60));
  EXPECT_FALSE(limiter.admitAttempt("a"));
  EXPECT_FALSE(limiter.admitAttempt("a"));
  EXPECT_TRUE(limiter.admitAttempt("a")) << "the allowance is used up";
  limiter.forgiveAttempt("a");
  EXPECT_FALSE(limiter.admitAttempt("a"));
  EXPECT_TRUE(limiter.blockedFor("a"));
  limiter.forgiveAttempt("b");  // nothing to forgive: no effect
  EXPECT_FALSE(limiter.blockedFor("b"));
}

}  // namespace
}  // namespace tessera::auth
