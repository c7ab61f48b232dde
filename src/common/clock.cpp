#include "common/clock.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace tessera {
namespace {

bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

UnixMillis nowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string formatRfc3339(UnixMillis millis) {
  Rfc3339Buffer text;
  formatRfc3339(millis, text);
  return std::string(text, sizeof text);
}

void formatRfc3339(UnixMillis millis, Rfc3339Buffer& out) {
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm):
  // every record carries two timestamps, so this avoids gmtime and printf.
  const std::int64_t days = (millis >= 0 ? millis : millis - (kMillisPerDay - 1)) / kMillisPerDay;
  std::int64_t ms = millis - days * kMillisPerDay;
  const std::int64_t z = days + 719'468;
  const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
  const std::int64_t dayOfEra = z - era * 146'097;
  const std::int64_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const std::int64_t mp = (5 * dayOfYear + 2) / 153;
  const std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  std::memcpy(out, "0000-00-00T00:00:00.000Z", sizeof out);
  const auto put = [&out](std::size_t end, std::int64_t value, int width) {
    for (int i = 0; i < width; ++i, value /= 10) out[end - i] = static_cast<char>('0' + value % 10);
  };
  put(3, year, 4);
  put(6, month, 2);
  put(9, day, 2);
  put(12, ms / 3'600'000, 2);
  ms %= 3'600'000;
  put(15, ms / 60'000, 2);
  ms %= 60'000;
  put(18, ms / 1000, 2);
  put(22, ms % 1000, 3);
}

std::optional<UnixMillis> parseRfc3339(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!readDigits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !readDigits(text, 5, 2, month) || text[7] != '-' || !readDigits(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
  std::size_t pos = 10;
  int millis = 0;
  int offsetMinutes = 0;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return std::nullopt;
    if (!readDigits(text, pos + 1, 2, hour) || text.size() < pos + 9 || text[pos + 3] != ':' ||
        !readDigits(text, pos + 4, 2, minute) || text[pos + 6] != ':' ||
        !readDigits(text, pos + 7, 2, second)) {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    pos += 9;
    if (pos < text.size() && text[pos] == '.') {
      std::size_t digits = 0;
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (digits < 3) millis = millis * 10 + (text[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0) return std::nullopt;
      for (; digits < 3; ++digits) millis *= 10;
    }
    if (pos >= text.size()) return std::nullopt;  // a date-time needs a zone
    if (text[pos] == 'Z' || text[pos] == 'z') {
      ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
      int offsetHours = 0, offsetMins = 0;
      if (!readDigits(text, pos + 1, 2, offsetHours) || text.size() < pos + 6 ||
          text[pos + 3] != ':' || !readDigits(text, pos + 4, 2, offsetMins) || offsetHours > 23 ||
          offsetMins > 59) {
        return std::nullopt;
      }
      offsetMinutes = (offsetHours * 60 + offsetMins) * (text[pos] == '-' ? -1 : 1);
      pos += 6;
    } else {
      return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
  }
  std::tm utc{};
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  const std::int64_t seconds = static_cast<std::int64_t>(timegm(&utc)) - offsetMinutes * 60;
  return seconds * 1000 + millis;
}

}  // namespace tessera
