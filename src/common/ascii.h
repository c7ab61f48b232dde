// Case-insensitive comparison, lowering and raising of ASCII letters (HTTP
// header names, schemes, media types, name keys, formula function names)
// without locales: the boost::algorithm forms look up the std::locale's
// ctype facet on every call, which cost more than the rest of a refused
// request's work.
#pragma once

#include <string>
#include <string_view>

namespace tessera {

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b);
bool startsWithIgnoringAsciiCase(std::string_view text, std::string_view prefix);
// A copy with A-Z made lowercase (what to_lower does in the "C" locale).
std::string lowerAscii(std::string_view text);
// A copy with a-z made uppercase (formula function names).
std::string upperAscii(std::string_view text);

}  // namespace tessera
