// Making text valid UTF-8 before it is sent or stored: an error message may
// quote what a client sent (a method, a parameter name), JSON must be
// UTF-8, and PostgreSQL refuses text that is not.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tessera {

// `text` with every byte that is not part of a well-formed UTF-8 sequence
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
// replaced by U+FFFD.
std::string validUtf8(std::string_view text);

// Text a client sent, made fit to store in any backend: valid UTF-8 as
// validUtf8 makes it, NUL (which PostgreSQL text cannot hold) replaced by
// U+FFFD too, and cut to at most `maxBytes` at a character boundary.
std::string storableText(std::string_view text, std::size_t maxBytes);

}  // namespace tessera
