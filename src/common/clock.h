// Wall-clock time as Unix milliseconds, and its RFC 3339 text form.
// Timestamps are stored as integers so both database backends agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tessera {

using UnixMillis = std::int64_t;

inline constexpr UnixMillis kMillisPerDay = 86'400'000;

UnixMillis nowMillis();

// Formats as "2026-11-27T19:23:22.123Z" (UTC, millisecond precision).
std::string formatRfc3339(UnixMillis millis);

// The same 24 characters, into a buffer (no allocation).
using Rfc3339Buffer = char[24];
void formatRfc3339(UnixMillis millis, Rfc3339Buffer& out);

// Parses an RFC 3339 / ISO 8601 date-time ("2026-11-27T19:23:22Z",
// "...+02:00", fractional seconds allowed) or a plain date ("2026-11-27",
// read as midnight UTC). Returns nullopt for anything else.
std::optional<UnixMillis> parseRfc3339(std::string_view text);

}  // namespace tessera
