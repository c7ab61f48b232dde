// Reads the text of a JSON array item by item, without building a document:
// for the arrays the database writes into materialised cells (link pairs,
// looked-up values), whose items are mostly copied into a response as they
// are. Each item comes as its own JSON text (a string keeps its quotes and
// escapes), with the blanks around it left out.
#pragma once

#include <optional>
#include <string_view>

namespace tessera {

class JsonArrayItems {
 public:
  // REQUIRES: `text` outlives this reader.
  explicit JsonArrayItems(std::string_view text);

  // Whether `text` opened as an array.
  bool valid() const { return valid_; }
  // The next item; nullopt after the last one, or where the text stops
  // being an array of JSON values (then valid() turns false).
  std::optional<std::string_view> next();

 private:
  // Where the value (string, array or object) starting at `from` ends,
  // or npos where the text is not JSON.
  std::size_t valueEnd(std::size_t from) const;
  std::size_t stringEnd(std::size_t from) const;
  std::size_t containerEnd(std::size_t from) const;
  std::size_t blanksEnd(std::size_t from) const;
  void skipBlanks();
  std::optional<std::string_view> fail();

  std::string_view text_;
  std::size_t at_ = 0;
  bool valid_ = false;
  bool done_ = false;
};

}  // namespace tessera
