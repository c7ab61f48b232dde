#include "common/json_array_items.h"

#include <cstring>

namespace tessera {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

JsonArrayItems::JsonArrayItems(std::string_view text) : text_(text) {
  skipBlanks();
  valid_ = at_ < text_.size() && text_[at_] == '[';
  done_ = !valid_;
  if (!valid_) return;
  ++at_;
  skipBlanks();
  if (at_ < text_.size() && text_[at_] == ']') done_ = true;
}

void JsonArrayItems::skipBlanks() { at_ = blanksEnd(at_); }

std::optional<std::string_view> JsonArrayItems::fail() {
  valid_ = false;
  done_ = true;
  return std::nullopt;
}

std::size_t JsonArrayItems::blanksEnd(std::size_t from) const {
  while (from < text_.size() && isBlank(text_[from])) ++from;
  return from;
}

std::size_t JsonArrayItems::stringEnd(std::size_t from) const {
  std::size_t searchFrom = from + 1;
  while (searchFrom < text_.size()) {
    const void* quote = std::memchr(text_.data() + searchFrom, '"', text_.size() - searchFrom);
    if (!quote) return std::string_view::npos;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(quote) - text_.data());
    std::size_t backslashes = 0;
    while (at - backslashes > from + 1 && text_[at - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return at + 1;  // not escaped
    searchFrom = at + 1;
  }
  return std::string_view::npos;
}

std::size_t JsonArrayItems::containerEnd(std::size_t from) const {
  const bool object = text_[from] == '{';
  const char closing = object ? '}' : ']';
  std::size_t at = blanksEnd(from + 1);
  if (at < text_.size() && text_[at] == closing) return at + 1;
  while (at < text_.size()) {
    if (object) {
      if (text_[at] != '"') return std::string_view::npos;
      at = blanksEnd(stringEnd(at));
      if (at >= text_.size() || text_[at] != ':') return std::string_view::npos;
      at = blanksEnd(at + 1);
    }
    at = valueEnd(at);
    if (at == std::string_view::npos) return at;
    at = blanksEnd(at);
    if (at >= text_.size()) break;
    if (text_[at] == closing) return at + 1;
    if (text_[at] != ',') break;
    at = blanksEnd(at + 1);
  }
  return std::string_view::npos;
}

std::size_t JsonArrayItems::valueEnd(std::size_t from) const {
  if (from >= text_.size()) return std::string_view::npos;
  switch (text_[from]) {
    case '"':
      return stringEnd(from);
    case '[':
    case '{':
      return containerEnd(from);
    default: {
      // A number, true, false or null: up to what ends a value.
      std::size_t at = from;
      while (at < text_.size() && !isBlank(text_[at]) && text_[at] != ',' && text_[at] != ']' &&
             text_[at] != '}') {
        ++at;
      }
      return at == from ? std::string_view::npos : at;
    }
  }
}

std::optional<std::string_view> JsonArrayItems::next() {
  if (done_) return std::nullopt;
  skipBlanks();
  const std::size_t start = at_;
  const std::size_t end = valueEnd(start);
  if (end == std::string_view::npos) return fail();
  at_ = end;
  skipBlanks();
  if (at_ >= text_.size()) return fail();
  if (text_[at_] == ']') {
    done_ = true;
  } else if (text_[at_] == ',') {
    ++at_;
  } else {
    return fail();
  }
  return text_.substr(start, end - start);
}

}  // namespace tessera
