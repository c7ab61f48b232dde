#include "common/utf8.h"

#include <algorithm>

namespace tessera {
namespace {

// The length of the well-formed sequence at the start of `text`, or 0.
std::size_t sequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Appends `text` to `out` as valid UTF-8 until `maxBytes` are reached,
// replacing ill-formed bytes (and NUL when `replaceNul`) by U+FFFD.
void appendValid(std::string_view text, std::string& out, std::size_t maxBytes, bool replaceNul) {
  while (!text.empty()) {
    const std::size_t length = sequenceLength(text);
    const bool replace = length == 0 || (replaceNul && text[0] == '\0');
    const std::string_view piece = replace ? kReplacement : text.substr(0, length);
    if (out.size() + piece.size() > maxBytes) return;
    out.append(piece);
    text.remove_prefix(replace ? 1 : length);
  }
}

}  // namespace

std::string validUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  appendValid(text, out, std::string::npos, false);
  return out;
}

std::string storableText(std::string_view text, std::size_t maxBytes) {
  std::string out;
  out.reserve(std::min(text.size(), maxBytes));
  appendValid(text, out, maxBytes, true);
  return out;
}

}  // namespace tessera
