#include "common/clock.h"

#include <gtest/gtest.h>

namespace tessera {
namespace {

TEST(ClockTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(formatRfc3339(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(formatRfc3339(1795807402123), "2026-11-27T19:23:22.123Z");
}

TEST(ClockTest, ParsesWhatItFormats) {
  const UnixMillis now = nowMillis();
  EXPECT_EQ(parseRfc3339(formatRfc3339(now)), now);
}

TEST(ClockTest, ParsesOffsetsAndPlainDates) {
  EXPECT_EQ(parseRfc3339("2026-11-27T21:23:22+02:00"), parseRfc3339("2026-11-27T19:23:22Z"));
  EXPECT_EQ(parseRfc3339("2026-11-27"), parseRfc3339("2026-11-27T00:00:00Z"));
  EXPECT_EQ(parseRfc3339("2026-11-27T19:23:22.5Z").value() % 1000, 500);
}

TEST(ClockTest, RefusesMalformedText) {
  for (const char* bad :
       {"", "2026", "2026-13-01", "2026-02-30", "2026-11-27T25:00:00Z", "2026-11-27T10:00:00",
        "2026-11-27T10:00:00Zjunk", "yesterday", "2026-11-27T10:00:00+2"}) {
    EXPECT_FALSE(parseRfc3339(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace tessera
