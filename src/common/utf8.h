// Making text valid UTF-8 before it is sent: an error message may quote
// what a client sent (a method, a parameter name), and JSON must be UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace tessera {

// `text` with every byte that is not part of a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
// replaced by U+FFFD.
std::string validUtf8(std::string_view text);

}  // namespace tessera
