// ASCII case folding for header names, schemes and name keys: letters fold,
// nothing else does (not even non-ASCII letters, as in the "C" locale).
#include "common/ascii.h"

#include <gtest/gtest.h>

namespace tessera {
namespace {

TEST(AsciiTest, EqualityIgnoresTheCaseOfAsciiLettersOnly) {
  EXPECT_TRUE(equalsIgnoringAsciiCase("Content-Type", "content-TYPE"));
  EXPECT_FALSE(equalsIgnoringAsciiCase("Content-Type", "Content-Typ"));
  EXPECT_FALSE(equalsIgnoringAsciiCase("a[", "A{"));  // '[' and '{' are 32 apart too
  EXPECT_FALSE(equalsIgnoringAsciiCase("\xC3\xA9", "\xC3\x89"));
  EXPECT_TRUE(equalsIgnoringAsciiCase("", ""));
}

TEST(AsciiTest, PrefixesAndLowering) {
  EXPECT_TRUE(startsWithIgnoringAsciiCase("bearer tsr_pat_x", "Bearer "));
  EXPECT_FALSE(startsWithIgnoringAsciiCase("Bear", "Bearer "));
  EXPECT_EQ(lowerAscii("Grid VIEW \xC3\x89t\xC3\xA9 [Z]"), "grid view \xC3\x89t\xC3\xA9 [z]");
}

}  // namespace
}  // namespace tessera
