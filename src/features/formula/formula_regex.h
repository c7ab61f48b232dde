// The regular expressions REGEX_MATCH takes: a common subset that RE2
// (SQLite's tessera_regex, store/sqlite/formula_helpers.h) and
// PostgreSQL's advanced regular expressions (the ~ operator) read alike,
// rewritten into one portable spelling: \d, \w and \s become explicit
// ASCII classes, escaped letters become the characters they stand for,
// and everything the two engines could read differently is refused.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace tessera::features {

// Longest pattern, and largest count in {m,n}.
inline constexpr std::size_t kMaxRegexLength = 1000;
inline constexpr int kMaxRegexRepeat = 100;

// Why a pattern was refused: a sentence, and the character (from 1) where
// the trouble starts.
struct RegexError {
  std::size_t position;
  std::string message;
};

// The portable spelling of `pattern`, or why it is refused. Accepted:
// literal characters; `.` (any character, a new line included); `^` and
// `$` (start and end of the text); classes `[a-z]`, `[^...]`; groups
// `(...)`, `(?:...)`; `|`; `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`; `\d`,
// `\D`, `\w`, `\W`, `\s`, `\S`, `\n`, `\t`, `\r` and a backslash before
// punctuation.
std::variant<std::string, RegexError> portableRegex(std::string_view pattern);

}  // namespace tessera::features
