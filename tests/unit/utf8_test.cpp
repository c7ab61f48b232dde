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

TEST(Utf8Test, StorableTextIsCutAtACharacterBoundary) {
  // 299 ASCII bytes and an é (2 bytes): cutting at 300 bytes would leave
  // half a character, which PostgreSQL refuses.
  const std::string agent = std::string(299, 'a') + "\xC3\xA9";
  EXPECT_EQ(storableText(agent, 300), std::string(299, 'a'));
  EXPECT_EQ(storableText(agent, 301), agent);
  EXPECT_EQ(storableText("\xE2\x82\xAC\xE2\x82\xAC", 5), "\xE2\x82\xAC");
}

TEST(Utf8Test, StorableTextHasNoInvalidBytesAndNoNul) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(storableText("evil\xFF", 300), "evil" + replacement);
  EXPECT_EQ(storableText(std::string("a\0b", 3), 300), "a" + replacement + "b");
  EXPECT_EQ(storableText("\xFF\xFF", 4), replacement) << "a replacement is never cut in half";
}

}  // namespace
}  // namespace tessera
