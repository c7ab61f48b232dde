#include "features/schema/cell_codec.h"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "common/clock.h"
#include "common/json_array_items.h"
#include "features/schema/field_options.h"
#include "features/users/user_store.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::size_t kMaxSingleLineLength = 10000;
constexpr std::size_t kMaxLongTextLength = 100000;
constexpr std::size_t kMaxUrlLength = 2048;

std::string describe(const boost::json::value& value) {
  std::string text = boost::json::serialize(value);
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

std::string numberText(double number) {
  if (std::floor(number) == number && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<long long>(number));
  }
  return boost::json::serialize(boost::json::value(number));
}

std::string textFrom(const boost::json::value& value, bool typecast, const char* expected) {
  if (value.is_string()) return std::string(value.as_string());
  if (typecast) {
    if (value.is_number()) return numberText(value.to_number<double>());
    if (value.is_bool()) return value.as_bool() ? "true" : "false";
  }
  throw CellError(std::string("expected ") + expected + ", got " + describe(value));
}

std::string checkedText(std::string text, std::size_t maxLength) {
  if (http::utf8Length(text) > maxLength) {
    throw CellError("text longer than " + std::to_string(maxLength) + " characters");
  }
  if (text.find('\0') != std::string::npos) throw CellError("text contains a NUL character");
  return text;
}

std::optional<double> parseNumber(const std::string& text) {
  const std::string trimmed = boost::algorithm::trim_copy(text);
  if (trimmed.empty()) return std::nullopt;
  char* end = nullptr;
  const double number = std::strtod(trimmed.c_str(), &end);
  if (end != trimmed.c_str() + trimmed.size() || !std::isfinite(number)) return std::nullopt;
  return number;
}

store::SqlValue encodeNumber(const boost::json::value& value, bool typecast) {
  if (value.is_number()) {
    const double number = value.to_number<double>();
    if (!std::isfinite(number)) throw CellError("expected a finite number");
    return number;
  }
  if (typecast && value.is_string()) {
    if (value.as_string().empty()) return nullptr;
    if (auto number = parseNumber(std::string(value.as_string()))) return *number;
  }
  if (typecast && value.is_bool()) return value.as_bool() ? 1.0 : 0.0;
  throw CellError("expected a number, got " + describe(value));
}

store::SqlValue encodeCheckbox(const boost::json::value& value, bool typecast) {
  bool checked = false;
  if (value.is_bool()) {
    checked = value.as_bool();
  } else if (typecast && value.is_number()) {
    checked = value.to_number<double>() != 0;
  } else if (typecast && value.is_string()) {
    const std::string text = boost::algorithm::to_lower_copy(
        boost::algorithm::trim_copy(std::string(value.as_string())));
    if (text == "true" || text == "yes" || text == "1" || text == "on" || text == "checked" ||
        text == "x") {
      checked = true;
    } else if (!(text == "false" || text == "no" || text == "0" || text == "off" || text.empty())) {
      throw CellError("expected true or false, got " + describe(value));
    }
  } else {
    throw CellError("expected true or false, got " + describe(value));
  }
  return checked ? store::SqlValue(std::int64_t{1}) : store::SqlValue(nullptr);
}

store::SqlValue encodeDate(const FieldDef& field, const boost::json::value& value, bool typecast) {
  std::optional<UnixMillis> millis;
  if (value.is_string()) {
    millis = parseRfc3339(boost::algorithm::trim_copy(std::string(value.as_string())));
  } else if (typecast && value.is_int64()) {
    millis = value.as_int64();
  }
  if (!millis) {
    throw CellError(
        "expected an ISO 8601 date (2026-11-27) or date-time "
        "(2026-11-27T09:30:00Z), got " +
        describe(value));
  }
  const bool dateOnly =
      field.options.contains("dateOnly") && field.options.at("dateOnly").as_bool();
  if (dateOnly) *millis -= ((*millis % kMillisPerDay) + kMillisPerDay) % kMillisPerDay;
  return *millis;
}

std::string choiceName(FieldDef& field, const boost::json::value& value, bool typecast,
                       bool& optionsChanged) {
  std::string name = textFrom(value, typecast, "a choice name");
  if (typecast) boost::algorithm::trim(name);
  if (auto existing = findChoice(field.options, name)) return *existing;
  if (typecast && !name.empty() && http::utf8Length(name) <= 100) {
    addChoice(field.options, name);
    optionsChanged = true;
    return name;
  }
  throw CellError("'" + name + "' is not one of the field's choices");
}

store::SqlValue encodeMultipleSelect(FieldDef& field, const boost::json::value& value,
                                     bool typecast, bool& optionsChanged) {
  boost::json::array names;
  std::vector<boost::json::value> items;
  if (value.is_array()) {
    items.assign(value.as_array().begin(), value.as_array().end());
  } else if (typecast && value.is_string()) {
    std::string text(value.as_string());
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t comma = text.find(',', start);
      const std::string part = boost::algorithm::trim_copy(text.substr(start, comma - start));
      if (!part.empty()) items.emplace_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else {
    throw CellError("expected an array of choice names, got " + describe(value));
  }
  for (const auto& item : items) {
    const std::string name = choiceName(field, item, typecast, optionsChanged);
    bool seen = false;
    for (const auto& existing : names) seen = seen || existing.as_string() == name;
    if (!seen) names.push_back(boost::json::value(name));
  }
  if (names.empty()) return nullptr;
  return boost::json::serialize(names);
}

store::SqlValue encodeRating(const FieldDef& field, const boost::json::value& value,
                             bool typecast) {
  const std::int64_t max = field.options.at("max").as_int64();
  double number = 0;
  if (value.is_number()) {
    number = value.to_number<double>();
  } else if (typecast && value.is_string() && parseNumber(std::string(value.as_string()))) {
    number = *parseNumber(std::string(value.as_string()));
  } else {
    throw CellError("expected a whole number from 1 to " + std::to_string(max));
  }
  if (typecast) number = std::round(number);
  if (number == 0) return nullptr;
  if (std::floor(number) != number || number < 1 || number > static_cast<double>(max)) {
    throw CellError("expected a whole number from 1 to " + std::to_string(max) + ", got " +
                    describe(value));
  }
  return static_cast<std::int64_t>(number);
}

store::SqlValue encodeUrl(const boost::json::value& value, bool typecast) {
  const std::string typed = checkedText(textFrom(value, typecast, "a URL"), kMaxUrlLength);
  std::string text = boost::algorithm::trim_copy(typed);
  if (text.empty()) return nullptr;
  // As Airtable does, "example.com/x" is taken for https://example.com/x.
  if (text.find("://") == std::string::npos && !text.starts_with("mailto:")) {
    text = "https://" + text;
  }
  if (!boost::urls::parse_absolute_uri(text)) throw CellError("'" + typed + "' is not a URL");
  return text;
}

double numberOf(const store::SqlValue& stored) {
  if (const auto* integer = std::get_if<std::int64_t>(&stored))
    return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&stored))
    return std::strtod(text->c_str(), nullptr);
  return std::get<double>(stored);
}

void writeNumber(JsonWriter& json, double number) {
  if (std::floor(number) == number && std::fabs(number) < 9007199254740992.0) {
    json.integer(static_cast<std::int64_t>(number));  // whole numbers read as 3, not 3E0
  } else {
    json.number(number);
  }
}

// A formula's value by its result type (formula_sql.h): a number, text,
// a boolean (0 or 1) or a date (Unix milliseconds). SQLite may hand a
// number back as an integer.
// A value read from JSON as `field` stores it (the backends' JSON may write
// 3.0 as 3, or a whole number as 3.0).
store::SqlValue storedValueOf(const boost::json::value& value, const FieldDef& field) {
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_null()) return nullptr;
  const bool real = field.valueType() == "DOUBLE PRECISION";
  if (value.is_double()) {
    return real ? store::SqlValue(value.as_double())
                : store::SqlValue(static_cast<std::int64_t>(value.as_double()));
  }
  const auto number = value.to_number<std::int64_t>();
  return real ? store::SqlValue(static_cast<double>(number)) : store::SqlValue(number);
}

// Whether `field` writes what it stores as one JSON string, whatever the
// format: then a stored JSON string can be copied as it is.
bool writesStoredText(const FieldDef& field) {
  if (field.type == FieldType::Formula) return field.formula->resultType == FormulaType::Text;
  return isTextual(field.type) && field.type != FieldType::MultipleSelect;
}

// One item of a stored JSON array (common/json_array_items.h) as `field`
// stores it: strings without escapes and numbers are read here, anything
// else through the JSON parser.
store::SqlValue storedItemValue(std::string_view item, const FieldDef& field) {
  if (item == "null") return nullptr;
  if (item.front() == '"' && item.find('\\') == std::string_view::npos) {
    return std::string(item.substr(1, item.size() - 2));
  }
  const bool real = field.valueType() == "DOUBLE PRECISION";
  const char* const end = item.data() + item.size();
  std::int64_t whole = 0;
  if (const auto read = std::from_chars(item.data(), end, whole);
      read.ec == std::errc() && read.ptr == end) {
    return real ? store::SqlValue(static_cast<double>(whole)) : store::SqlValue(whole);
  }
  double number = 0;
  if (const auto read = std::from_chars(item.data(), end, number);
      read.ec == std::errc() && read.ptr == end) {
    return real ? store::SqlValue(number) : store::SqlValue(static_cast<std::int64_t>(number));
  }
  unsigned char scratch[1024];
  boost::json::monotonic_resource memory(scratch, sizeof scratch);
  return storedValueOf(boost::json::parse(item, &memory), field);
}

// Writes one item of a stored JSON array as `field` writes its values.
void writeStoredItem(JsonWriter& json, const FieldDef& field, std::string_view item,
                     CellFormat format) {
  if (item.front() == '"' && writesStoredText(field)) {
    json.raw(item);  // already a JSON string, written by the database
    return;
  }
  writeCell(json, field, storedItemValue(item, field), format);
}

// The same as text, for joining.
std::string storedItemText(const FieldDef& field, std::string_view item) {
  const store::SqlValue value = storedItemValue(item, field);
  if (std::holds_alternative<std::nullptr_t>(value)) return "";
  return std::string(decodeCell(field, value, CellFormat::Text).as_string());
}

// Calls `each` with the text of every item of a materialised cell, which
// the database wrote as a JSON array.
template <typename Each>
void forEachStoredItem(std::string_view stored, const Each& each) {
  JsonArrayItems items(stored);
  while (const auto item = items.next()) each(*item);
  if (!items.valid()) throw std::runtime_error("a materialised cell is not a JSON array");
}

// A stored link pair, [id, title value].
struct StoredLinkPair {
  std::string_view id;
  std::string_view title;
};

StoredLinkPair storedLinkPair(std::string_view pair) {
  JsonArrayItems items(pair);
  const auto id = items.next();
  const auto title = items.next();
  if (!id || !title || id->front() != '"' || items.next() || !items.valid()) {
    throw std::runtime_error("a materialised link cell holds something other than [id, title]");
  }
  return {*id, *title};
}

// A link cell as read ([[id, title value], ...]): [{"id", "title"}], or
// the titles joined by ", " as text. A title is the linked record's
// primary field as text; "" when that is empty.
void writeLinkPairs(JsonWriter& json, const LinkPlan& link, std::string_view stored,
                    CellFormat format) {
  const FieldDef& titleField = *link.titleField;
  if (format == CellFormat::Text) {
    std::string joined;
    bool first = true;
    forEachStoredItem(stored, [&](std::string_view pair) {
      if (!first) joined += ", ";
      first = false;
      joined += storedItemText(titleField, storedLinkPair(pair).title);
    });
    json.string(joined);
    return;
  }
  // Each title as a JSON string, written by the title field itself.
  json.beginArray();
  forEachStoredItem(stored, [&](std::string_view pair) {
    const StoredLinkPair items = storedLinkPair(pair);
    json.beginObject().keyWritten(R"("id":)").raw(items.id).keyWritten(R"("title":)");
    if (items.title == "null") {
      json.string("");
    } else {
      writeStoredItem(json, titleField, items.title, CellFormat::Text);
    }
    json.endObject();
  });
  json.endArray();
}

// A lookup cell: its values as the looked-up field writes them, in an
// array; as text, joined by ", ".
void writeLookedUp(JsonWriter& json, const LookupPlan& lookup, const std::string& stored,
                   CellFormat format) {
  const FieldDef& field = *lookup.valueField;
  if (field.type == FieldType::Link) {
    // The looked-up link cells' pairs, joined into one.
    writeLinkPairs(json, *field.link, stored, format);
    return;
  }
  if (field.type == FieldType::CreatedBy || field.type == FieldType::LastModifiedBy) {
    // Read as [{"id", "name", "email"}] (LookupPlan::readSql).
    const boost::json::value cell = boost::json::parse(stored);
    if (format == CellFormat::Text) {
      std::string joined;
      for (const auto& user : cell.as_array()) {
        if (!joined.empty()) joined += ", ";
        joined += user.at("name").as_string();
      }
      json.string(joined);
      return;
    }
    json.beginArray();
    for (const auto& user : cell.as_array()) {
      writeUser(json, std::string(user.at("id").as_string()),
                std::string(user.at("name").as_string()), std::string(user.at("email").as_string()),
                format);
    }
    json.endArray();
    return;
  }
  if (format == CellFormat::Text) {
    std::string joined;
    bool first = true;
    forEachStoredItem(stored, [&](std::string_view item) {
      if (!first) joined += ", ";
      first = false;
      joined += storedItemText(field, item);
    });
    json.string(joined);
    return;
  }
  json.beginArray();
  forEachStoredItem(stored,
                    [&](std::string_view item) { writeStoredItem(json, field, item, format); });
  json.endArray();
}

void writeFormulaValue(JsonWriter& json, FormulaType type, const store::SqlValue& stored,
                       CellFormat format) {
  const bool text = format == CellFormat::Text;
  switch (type) {
    case FormulaType::Number: {
      const double number = numberOf(stored);
      if (text) {
        json.string(numberText(number));
      } else {
        writeNumber(json, number);
      }
      return;
    }
    case FormulaType::Boolean: {
      const bool value = numberOf(stored) != 0;
      text ? json.string(value ? "true" : "false") : json.boolean(value);
      return;
    }
    case FormulaType::Date: {
      Rfc3339Buffer iso;
      formatRfc3339(static_cast<UnixMillis>(numberOf(stored)), iso);
      json.string(std::string_view(iso, sizeof iso));
      return;
    }
    case FormulaType::Text:
      if (const auto* value = std::get_if<std::string>(&stored)) {
        json.string(*value);
      } else {
        json.string(numberText(numberOf(stored)));
      }
      return;
  }
}

}  // namespace

store::SqlValue encodeCell(FieldDef& field, const boost::json::value& value, bool typecast,
                           bool& optionsChanged) {
  if (value.is_null()) return nullptr;
  switch (field.type) {
    case FieldType::SingleLineText: {
      std::string text = textFrom(value, typecast, "text");
      if (text.find_first_of("\r\n") != std::string::npos) {
        if (!typecast) throw CellError("single line text cannot contain line breaks");
        for (char& c : text) c = (c == '\r' || c == '\n') ? ' ' : c;
      }
      if (text.empty()) return nullptr;
      return checkedText(std::move(text), kMaxSingleLineLength);
    }
    case FieldType::LongText: {
      std::string text = checkedText(textFrom(value, typecast, "text"), kMaxLongTextLength);
      if (text.empty()) return nullptr;
      return text;
    }
    case FieldType::Number:
      return encodeNumber(value, typecast);
    case FieldType::Checkbox:
      return encodeCheckbox(value, typecast);
    case FieldType::Date:
      return encodeDate(field, value, typecast);
    case FieldType::SingleSelect: {
      if (typecast && value.is_string() &&
          boost::algorithm::trim_copy(std::string(value.as_string())).empty()) {
        return nullptr;
      }
      return choiceName(field, value, typecast, optionsChanged);
    }
    case FieldType::MultipleSelect:
      return encodeMultipleSelect(field, value, typecast, optionsChanged);
    case FieldType::Email: {
      std::string text = textFrom(value, typecast, "an email address");
      if (typecast) boost::algorithm::trim(text);
      if (text.empty()) return nullptr;
      if (text.size() > 254 || !looksLikeEmail(text)) {
        throw CellError("'" + text + "' is not an email address");
      }
      return text;
    }
    case FieldType::Url:
      return encodeUrl(value, typecast);
    case FieldType::Rating:
      return encodeRating(field, value, typecast);
    case FieldType::AutoNumber:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
    case FieldType::Formula:
      throw CellError("this field is computed by the server and cannot be written");
    case FieldType::Link:
      throw std::logic_error("link cells are written as pairs (link_store.h)");
    case FieldType::Lookup:
    case FieldType::Rollup:
      throw CellError("this field is computed by the server and cannot be written");
  }
  throw CellError("this field's type is unknown");
}

void writeCell(JsonWriter& json, const FieldDef& field, const store::SqlValue& stored,
               CellFormat format) {
  if (std::holds_alternative<std::nullptr_t>(stored)) {
    json.null();
    return;
  }
  const bool text = format == CellFormat::Text;
  switch (field.type) {
    case FieldType::Number: {
      const double number = numberOf(stored);
      if (text) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.*f",
                      static_cast<int>(field.options.at("precision").as_int64()), number);
        json.string(buffer);
      } else {
        writeNumber(json, number);
      }
      return;
    }
    case FieldType::Checkbox:
      text ? json.string("true") : json.boolean(true);
      return;
    case FieldType::Date:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime: {
      Rfc3339Buffer iso;
      formatRfc3339(std::get<std::int64_t>(stored), iso);
      const bool dateOnly = field.type == FieldType::Date && field.options.at("dateOnly").as_bool();
      json.string(std::string_view(iso, dateOnly ? 10 : sizeof iso));
      return;
    }
    case FieldType::MultipleSelect: {
      const std::string& names = std::get<std::string>(stored);  // a JSON array of names
      if (!text) {
        json.raw(names);
        return;
      }
      std::string joined;
      const boost::json::value parsed = boost::json::parse(names);
      for (const auto& name : parsed.as_array()) {
        joined += (joined.empty() ? "" : ", ") + std::string(name.as_string());
      }
      json.string(joined);
      return;
    }
    case FieldType::Rating:
    case FieldType::AutoNumber: {
      const std::int64_t number = std::get<std::int64_t>(stored);
      text ? json.string(std::to_string(number)) : json.integer(number);
      return;
    }
    case FieldType::Formula:
      writeFormulaValue(json, field.formula->resultType, stored, format);
      return;
    case FieldType::Link:
      writeLinkPairs(json, *field.link, std::get<std::string>(stored), format);
      return;
    case FieldType::Lookup:
      writeLookedUp(json, *field.lookup, std::get<std::string>(stored), format);
      return;
    case FieldType::Rollup:
      if (field.lookup->scalarType) {
        writeFormulaValue(json, *field.lookup->scalarType, stored, format);
      } else {
        writeLookedUp(json, *field.lookup, std::get<std::string>(stored), format);
      }
      return;
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::SingleSelect:
    case FieldType::Email:
    case FieldType::Url:
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
      json.string(std::get<std::string>(stored));
  }
}

boost::json::value decodeCell(const FieldDef& field, const store::SqlValue& stored,
                              CellFormat format) {
  std::string text;
  JsonWriter json(text);
  writeCell(json, field, stored, format);
  return boost::json::parse(text);
}

void writeUser(JsonWriter& json, const std::string& id, const std::string& name,
               const std::string& email, CellFormat format) {
  if (format == CellFormat::Text) {
    json.string(name);
    return;
  }
  json.beginObject().key("id").string(id).key("name").string(name).key("email").string(email);
  json.endObject();
}

}  // namespace tessera::features
