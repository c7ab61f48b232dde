#include "common/clock.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>

namespace tessera {
namespace {

TEST(ClockTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(formatRfc3339(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(formatRfc3339(1795807402123), "2026-11-27T19:23:22.123Z");
}

TEST(ClockTest, FormatsEveryDayAsGmtimeDoes) {
  // 1901 to 2399 in steps of a little over a day, so every date, leap days
  // and century rules included, and times of day vary.
  for (std::int64_t millis = -2'177'452'800'000; millis < 13'569'465'600'000;
       millis += 86'400'000 + 3'723'001) {
    const std::time_t seconds =
        static_cast<std::time_t>(millis >= 0 ? millis / 1000 : (millis - 999) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char expected[96];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                  utc.tm_sec, static_cast<int>(((millis % 1000) + 1000) % 1000));
    ASSERT_EQ(formatRfc3339(millis), expected) << millis;
  }
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
