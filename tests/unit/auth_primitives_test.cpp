#include <gtest/gtest.h>

#include <thread>

#include "auth/attempt_limiter.h"
#include "auth/digest.h"
#include "auth/password.h"

namespace tessera::auth {
namespace {

TEST(DigestTest, Sha256MatchesTheKnownVector) {
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(DigestTest, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(constantTimeEquals("secret", "secret"));
  EXPECT_FALSE(constantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(constantTimeEquals("secret", "secret2"));
}

TEST(PasswordTest, HashIsArgon2idSaltedAndVerifies) {
  const std::string hash = hashPassword("correct horse");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_NE(hash, hashPassword("correct horse"));
  EXPECT_TRUE(verifyPassword(hash, "correct horse"));
  EXPECT_FALSE(verifyPassword(hash, "correct horse "));
  EXPECT_FALSE(verifyPassword("not a hash", "correct horse"));
}

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
