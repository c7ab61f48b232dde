// Writes JSON text straight into a string, so a response built from
// database rows needs no document tree in between (records are the
// largest responses). The writer places commas; the caller keeps the
// nesting right. JsonText marks a string that already holds JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tessera {

struct JsonText {
  std::string text;
};

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);
  // A key written once for many objects: keyText(name) is its JSON text
  // with the colon, which keyWritten() then copies as it is.
  static std::string keyText(std::string_view name);
  JsonWriter& keyWritten(std::string_view text);
  JsonWriter& string(std::string_view text);
  JsonWriter& integer(std::int64_t number);
  // Non-finite numbers, which JSON cannot hold, are written as null.
  JsonWriter& number(double number);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // Text that is one JSON value already, written as it is.
  JsonWriter& raw(std::string_view json);

 private:
  void beforeValue();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);

  std::string& out_;
  bool needsComma_ = false;
};

}  // namespace tessera
