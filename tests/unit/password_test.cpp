#include "auth/password.h"

#include <gtest/gtest.h>

namespace tessera::auth {
namespace {

TEST(PasswordTest, HashIsArgon2idSaltedAndVerifies) {
  const std::string hash = hashPassword("correct horse");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_NE(hash, hashPassword("correct horse"));
  EXPECT_TRUE(verifyPassword(hash, "correct horse"));
  EXPECT_FALSE(verifyPassword(hash, "correct horse "));
  EXPECT_FALSE(verifyPassword("not a hash", "correct horse"));
}

}  // namespace
}  // namespace tessera::auth
