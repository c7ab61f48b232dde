#include "auth/attempt_limiter.h"

#include <gtest/gtest.h>

#include <thread>

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

}  // namespace
}  // namespace tessera::auth
