#include "common/utf8.h"

#include <gtest/gtest.h>

namespace tessera {
namespace {

TEST(Utf8Test, WellFormedTextIsKept) {
  for (const std::string text :
       {"", "plain", "caf\xC3\xA9", "\xE2\x82\xAC 5", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_EQ(validUtf8(text), text);
  }
}

TEST(Utf8Test, EveryMalformedByteBecomesAReplacementCharacter) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(validUtf8("\x01\xFFPOST"), "\x01" + replacement + "POST");
  EXPECT_EQ(validUtf8("a\xC3"), "a" + replacement);                               // cut short
  EXPECT_EQ(validUtf8("\xC0\xAF"), replacement + replacement);                    // overlong
  EXPECT_EQ(validUtf8("\xE0\x80\xAF"), replacement + replacement + replacement);  // overlong
  EXPECT_EQ(validUtf8("\xED\xA0\x80"), replacement + replacement + replacement);  // surrogate
  EXPECT_EQ(validUtf8("\xF4\x90\x80\x80"),
            replacement + replacement + replacement + replacement);  // above U+10FFFF
  EXPECT_EQ(validUtf8("\x80x"), replacement + "x");                  // lone continuation
}

}  // namespace
}  // namespace tessera
