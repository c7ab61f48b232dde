#include "features/formula/formula_regex.h"

#include <cctype>

#include "common/utf8.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxGroupDepth = 50;

// The members of \d, \w and \s, as both engines read them inside a class.
constexpr std::string_view kDigits = "0-9";
constexpr std::string_view kWordCharacters = "0-9A-Za-z_";
constexpr std::string_view kSpaces = " \t\n\r\f\v";

struct Refusal {
  std::size_t at;  // byte offset
  std::string message;
};

bool isPunctuation(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }

class RegexReader {
 public:
  explicit RegexReader(std::string_view pattern) : pattern_(pattern) {}

  std::string read() {
    alternation(0);
    if (at_ < pattern_.size()) fail("A ')' here closes no group");
    return out_;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw Refusal{at_, message}; }
  bool atEnd() const { return at_ >= pattern_.size(); }
  char peek() const { return pattern_[at_]; }

  void alternation(std::size_t depth) {
    sequence(depth);
    while (!atEnd() && peek() == '|') {
      out_ += pattern_[at_++];
      sequence(depth);
    }
  }

  void sequence(std::size_t depth) {
    while (!atEnd() && peek() != '|' && peek() != ')') {
      const bool repeatable = atom(depth);
      if (!atEnd() && (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{')) {
        if (!repeatable) fail("There is nothing to repeat before this");
        quantifier();
        if (!atEnd() && (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{')) {
          fail("Lazy and possessive repeats (a repeat after a repeat) are not supported");
        }
      }
    }
  }

  // Returns whether a repeat may follow what was read.
  bool atom(std::size_t depth) {
    const char c = peek();
    switch (c) {
      case '(':
        group(depth);
        return true;
      case '[':
        characterClass();
        return true;
      case '\\':
        escape();
        return true;
      case '^':
      case '$':
        out_ += pattern_[at_++];
        return false;
      case '.':
        out_ += pattern_[at_++];
        return true;
      case '*':
      case '+':
      case '?':
      case '{':
        fail("There is nothing to repeat before this");
      case ']':
      case '}':
        fail(std::string("Write \\") + c + " for a literal " + c);
      default:
        literal();
        return true;
    }
  }

  void literal() {
    // One UTF-8 character, copied whole.
    do {
      out_ += pattern_[at_++];
    } while (!atEnd() && (static_cast<unsigned char>(peek()) & 0xC0) == 0x80);
  }

  void group(std::size_t depth) {
    if (depth == kMaxGroupDepth) fail("Groups nest too deep");
    ++at_;
    out_ += '(';
    if (!atEnd() && peek() == '?') {
      if (pattern_.substr(at_, 2) != "?:") {
        fail("Only (...) and (?:...) groups are supported, not flags or look-arounds");
      }
      at_ += 2;
      out_ += "?:";
    }
    alternation(depth + 1);
    if (atEnd()) fail("A '(' is not closed");
    out_ += pattern_[at_++];
  }

  void quantifier() {
    if (peek() != '{') {
      out_ += pattern_[at_++];
      return;
    }
    const std::size_t start = at_++;
    const int low = count();
    int high = low;
    bool open = false;
    if (!atEnd() && peek() == ',') {
      ++at_;
      open = atEnd() || peek() == '}';
      if (!open) high = count();
    }
    if (atEnd() || peek() != '}') {
      at_ = start;
      fail("Write a repeat as {m}, {m,} or {m,n}; \\{ is a literal {");
    }
    ++at_;
    if (!open && high < low) {
      at_ = start;
      fail("In {m,n}, n must not be less than m");
    }
    out_ += "{" + std::to_string(low) + (open ? "," : "") +
            (!open && high != low ? "," + std::to_string(high) : "") + "}";
  }

  int count() {
    int value = 0;
    const std::size_t start = at_;
    while (!atEnd() && std::isdigit(static_cast<unsigned char>(peek()))) {
      value = value * 10 + (pattern_[at_++] - '0');
      if (value > kMaxRegexRepeat) {
        at_ = start;
        fail("A repeat count may be at most " + std::to_string(kMaxRegexRepeat));
      }
    }
    if (at_ == start) fail("Write a repeat as {m}, {m,} or {m,n}; \\{ is a literal {");
    return value;
  }

  // An escape outside a class.
  void escape() {
    if (at_ + 1 >= pattern_.size()) fail("A pattern cannot end with a single backslash");
    const char c = pattern_[at_ + 1];
    std::string_view members;
    bool negated = false;
    switch (c) {
      case 'd':
      case 'D':
        members = kDigits;
        negated = c == 'D';
        break;
      case 'w':
      case 'W':
        members = kWordCharacters;
        negated = c == 'W';
        break;
      case 's':
      case 'S':
        members = kSpaces;
        negated = c == 'S';
        break;
      default:
        out_ += escapedCharacter();
        return;
    }
    at_ += 2;
    out_ += std::string(negated ? "[^" : "[") + std::string(members) + "]";
  }

  // \n, \t, \r as the characters, or a backslash and punctuation as they are.
  std::string escapedCharacter() {
    const char c = pattern_[at_ + 1];
    const std::size_t start = at_;
    at_ += 2;
    if (c == 'n') return "\n";
    if (c == 't') return "\t";
    if (c == 'r') return "\r";
    if (isPunctuation(c)) return std::string("\\") + c;
    at_ = start;
    fail(std::string("The escape \\") + c +
         " is not supported (\\d, \\w, \\s, \\D, \\W, \\S, \\n, \\t, \\r and a backslash "
         "before punctuation are)");
  }

  void characterClass() {
    const std::size_t start = at_++;
    out_ += '[';
    if (!atEnd() && peek() == '^') out_ += pattern_[at_++];
    bool empty = true;
    while (!atEnd() && peek() != ']') {
      empty = false;
      if (peek() == '[') fail("Write \\[ for a literal [ in a class ([:alpha:] is not supported)");
      if (peek() == '\\' && at_ + 1 < pattern_.size()) {
        const char c = pattern_[at_ + 1];
        if (c == 'd' || c == 'w' || c == 's') {
          at_ += 2;
          out_ += std::string(c == 'd' ? kDigits : c == 'w' ? kWordCharacters : kSpaces);
          continue;
        }
        if (c == 'D' || c == 'W' || c == 'S') fail("\\D, \\W and \\S cannot be used in a class");
      }
      const std::size_t itemStart = at_;
      const std::string first = classCharacter();
      if (first == "-") {
        at_ = itemStart;
        fail("Write \\- for a literal - in a class");
      }
      out_ += first;
      if (!atEnd() && peek() == '-' && at_ + 1 < pattern_.size() && pattern_[at_ + 1] != ']') {
        const std::size_t dash = at_++;
        const std::string last = classCharacter();
        if (codePoint(last) < codePoint(first)) {
          at_ = dash;
          fail("A range must run from the lower character to the higher");
        }
        out_ += "-" + last;
      }
    }
    if (atEnd()) {
      at_ = start;
      fail("A '[' is not closed");
    }
    if (empty) fail("A class needs at least one character; write \\] for a literal ]");
    out_ += pattern_[at_++];
  }

  // One character of a class: literal, escaped punctuation, \n, \t, \r.
  std::string classCharacter() {
    if (atEnd()) fail("A '[' is not closed");
    if (peek() == '\\') {
      if (at_ + 1 >= pattern_.size()) fail("A pattern cannot end with a single backslash");
      return escapedCharacter();
    }
    const std::size_t start = at_;
    do {
      ++at_;
    } while (!atEnd() && (static_cast<unsigned char>(peek()) & 0xC0) == 0x80);
    return std::string(pattern_.substr(start, at_ - start));
  }

  // The code point of one character as classCharacter wrote it
  // (REQUIRES: valid UTF-8, so at most four bytes).
  static std::uint32_t codePoint(const std::string& written) {
    const std::string_view c = written.size() == 2 && written[0] == '\\'
                                   ? std::string_view(written).substr(1)
                                   : std::string_view(written);
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(c[i]); };
    if (c.size() == 1) return byte(0);
    std::uint32_t value = byte(0) & (0xFF >> (c.size() + 1));
    for (std::size_t i = 1; i < c.size(); ++i) value = (value << 6) | (byte(i) & 0x3F);
    return value;
  }

  std::string_view pattern_;
  std::size_t at_ = 0;
  std::string out_;
};

std::size_t characterPosition(std::string_view text, std::size_t byteOffset) {
  std::size_t position = 1;
  for (std::size_t i = 0; i < byteOffset && i < text.size(); ++i) {
    position += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return position;
}

}  // namespace

std::variant<std::string, RegexError> portableRegex(std::string_view pattern) {
  if (pattern.size() > kMaxRegexLength) {
    return RegexError{
        1, "A pattern may hold at most " + std::to_string(kMaxRegexLength) + " characters"};
  }
  if (validUtf8(pattern) != pattern) {
    return RegexError{1, "A pattern must be UTF-8 text"};
  }
  if (pattern.find('\0') != std::string_view::npos) {
    return RegexError{characterPosition(pattern, pattern.find('\0')),
                      "A pattern cannot hold a NUL character"};
  }
  try {
    return RegexReader(pattern).read();
  } catch (const Refusal& refusal) {
    return RegexError{characterPosition(pattern, refusal.at), refusal.message};
  }
}

}  // namespace tessera::features
