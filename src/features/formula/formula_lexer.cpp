#include "features/formula/formula_lexer.h"

#include <charconv>
#include <cmath>
#include <optional>

namespace tessera::features {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::variant<std::vector<FormulaToken>, FormulaError> run() {
    std::vector<FormulaToken> tokens;
    while (true) {
      skipSpace();
      FormulaToken token;
      token.position = position_;
      token.byteBegin = at_;
      if (at_ == text_.size()) {
        token.byteEnd = at_;
        tokens.push_back(std::move(token));
        return tokens;
      }
      if (auto error = next(token)) return *error;
      token.byteEnd = at_;
      tokens.push_back(std::move(token));
    }
  }

 private:
  // Reads the token at at_ into `token`.
  std::optional<FormulaError> next(FormulaToken& token) {
    const char c = text_[at_];
    if (isDigit(c) || (c == '.' && at_ + 1 < text_.size() && isDigit(text_[at_ + 1]))) {
      return number(token);
    }
    if (c == '"' || c == '\'') return quoted(token, c, FormulaToken::Kind::Text, "text");
    if (c == '{') return quoted(token, '}', FormulaToken::Kind::Field, "field reference");
    if (isNameStart(c)) {
      token.kind = FormulaToken::Kind::Name;
      while (at_ < text_.size() && (isNameStart(text_[at_]) || isDigit(text_[at_]))) advance();
      token.text = std::string(text_.substr(token.byteBegin, at_ - token.byteBegin));
      return std::nullopt;
    }
    for (const std::string_view op : {"<=", ">=", "!=", "<>"}) {
      if (text_.substr(at_, 2) == op) {
        token.kind = FormulaToken::Kind::Operator;
        token.text = std::string(op);
        advance();
        advance();
        return std::nullopt;
      }
    }
    advance();
    switch (c) {
      case '(':
        token.kind = FormulaToken::Kind::OpenParen;
        return std::nullopt;
      case ')':
        token.kind = FormulaToken::Kind::CloseParen;
        return std::nullopt;
      case ',':
        token.kind = FormulaToken::Kind::Comma;
        return std::nullopt;
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '&':
      case '=':
      case '<':
      case '>':
        token.kind = FormulaToken::Kind::Operator;
        token.text = std::string(1, c);
        return std::nullopt;
      default:
        return error(token.position, "Unexpected character '" + characterAt(token.byteBegin) + "'");
    }
  }

  std::optional<FormulaError> number(FormulaToken& token) {
    while (at_ < text_.size() && isDigit(text_[at_])) advance();
    if (at_ < text_.size() && text_[at_] == '.') {
      advance();
      while (at_ < text_.size() && isDigit(text_[at_])) advance();
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      std::size_t look = at_ + 1;
      if (look < text_.size() && (text_[look] == '+' || text_[look] == '-')) ++look;
      if (look < text_.size() && isDigit(text_[look])) {
        while (at_ < look) advance();
        while (at_ < text_.size() && isDigit(text_[at_])) advance();
      }
    }
    token.kind = FormulaToken::Kind::Number;
    token.text = std::string(text_.substr(token.byteBegin, at_ - token.byteBegin));
    const char* begin = text_.data() + token.byteBegin;
    const auto result = std::from_chars(begin, text_.data() + at_, token.number);
    if (result.ec != std::errc() || !std::isfinite(token.number) ||
        std::fabs(token.number) > 1e308) {
      return error(token.position,
                   "The number " +
                       std::string(text_.substr(token.byteBegin, at_ - token.byteBegin)) +
                       " is too large");
    }
    return std::nullopt;
  }

  // A literal or reference from the opening character to `close`.
  std::optional<FormulaError> quoted(FormulaToken& token, char close, FormulaToken::Kind kind,
                                     std::string_view what) {
    token.kind = kind;
    advance();  // the opening character
    while (at_ < text_.size() && text_[at_] != close) {
      if (text_[at_] == '\0') return error(position_, "Text may not hold the character NUL");
      if (text_[at_] == '\\' && at_ + 1 < text_.size()) {
        advance();
        const char escaped = text_[at_];
        token.text += kind == FormulaToken::Kind::Text && escaped == 'n'   ? '\n'
                      : kind == FormulaToken::Kind::Text && escaped == 't' ? '\t'
                                                                           : escaped;
        advance();
        continue;
      }
      token.text += text_[at_];
      advance();
    }
    if (at_ == text_.size()) {
      return error(token.position,
                   "This " + std::string(what) + " is not closed with " + std::string(1, close));
    }
    advance();  // the closing character
    return std::nullopt;
  }

  void skipSpace() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      advance();
    }
  }

  // Moves one byte on, counting a character at each byte that starts one.
  void advance() {
    ++at_;
    if (at_ < text_.size() && (static_cast<unsigned char>(text_[at_]) & 0xC0) != 0x80) ++position_;
    if (at_ == text_.size()) ++position_;
  }

  std::string characterAt(std::size_t byte) const {
    std::size_t end = byte + 1;
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) ++end;
    return std::string(text_.substr(byte, end - byte));
  }

  static FormulaError error(std::size_t position, const std::string& message) {
    return {position, message + " at " + std::to_string(position) + "."};
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t position_ = 1;
};

}  // namespace

std::variant<std::vector<FormulaToken>, FormulaError> tokenizeFormula(std::string_view text) {
  return Lexer(text).run();
}

std::string writeFieldReference(std::string_view key) {
  std::string written = "{";
  for (const char c : key) {
    if (c == '}' || c == '\\') written += '\\';
    written += c;
  }
  return written + "}";
}

}  // namespace tessera::features
