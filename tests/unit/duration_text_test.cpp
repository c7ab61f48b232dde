#include "common/duration_text.h"

#include <gtest/gtest.h>

namespace tessera {
namespace {

using std::chrono::seconds;

TEST(DurationTextTest, SecondsUnderAMinuteMinutesUnderTwoHoursThenHours) {
  EXPECT_EQ(waitInWords(seconds(0)), "1 second");
  EXPECT_EQ(waitInWords(seconds(1)), "1 second");
  EXPECT_EQ(waitInWords(seconds(45)), "45 seconds");
  EXPECT_EQ(waitInWords(seconds(60)), "1 minute");
  EXPECT_EQ(waitInWords(seconds(61)), "2 minutes") << "rounded up";
  EXPECT_EQ(waitInWords(seconds(873)), "15 minutes");
  EXPECT_EQ(waitInWords(seconds(7199)), "120 minutes");
  EXPECT_EQ(waitInWords(seconds(7200)), "2 hours");
  EXPECT_EQ(waitInWords(seconds(9000)), "3 hours");
}

}  // namespace
}  // namespace tessera
