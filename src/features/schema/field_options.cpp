#include "features/schema/field_options.h"

#include <algorithm>
#include <array>
#include <boost/algorithm/string/trim.hpp>
#include <filesystem>
#include <set>

#include "common/ascii.h"
#include "features/formula/formula_sql.h"
#include "features/naming.h"
#include "features/schema/link_fields.h"
#include "http/api_error.h"
#include "http/json_body.h"

namespace tessera::features {
namespace {

constexpr std::array<std::string_view, 10> kColors = {"blue",   "cyan", "teal", "green",  "yellow",
                                                      "orange", "red",  "pink", "purple", "gray"};
constexpr std::size_t kMaxChoices = 1000;
constexpr std::size_t kMaxChoiceNameLength = 100;

http::ApiError badOption(const std::string& message) {
  return http::badRequest("invalid_field", message);
}

void allowOnly(const boost::json::object& given, std::initializer_list<std::string_view> keys,
               FieldType type) {
  for (const auto& entry : given) {
    bool known = false;
    for (std::string_view key : keys) known = known || entry.key() == key;
    if (!known) {
      throw badOption("Option '" + std::string(entry.key()) + "' does not apply to a " +
                      std::string(fieldTypeName(type)) + " field.");
    }
  }
}

std::int64_t integerOption(const boost::json::object& given, std::string_view key,
                           std::int64_t fallback, std::int64_t min, std::int64_t max) {
  const auto* value = given.if_contains(key);
  if (!value) return fallback;
  if (!value->is_int64() || value->as_int64() < min || value->as_int64() > max) {
    throw badOption("Option 'options." + std::string(key) + "' must be an integer from " +
                    std::to_string(min) + " to " + std::to_string(max) + ".");
  }
  return value->as_int64();
}

bool validTimeZone(std::string_view zone) {
  if (zone == "UTC") return true;
  if (zone.empty() || zone.size() > 64 || zone.find("..") != std::string_view::npos ||
      zone.front() == '/') {
    return false;
  }
  for (const char c : zone) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '-' &&
        c != '+') {
      return false;
    }
  }
  return std::filesystem::is_regular_file(std::filesystem::path("/usr/share/zoneinfo") /
                                          std::string(zone));
}

boost::json::array normalizeChoices(const boost::json::object& given) {
  boost::json::array choices;
  const auto* value = given.if_contains("choices");
  if (!value) return choices;
  if (!value->is_array() || value->as_array().size() > kMaxChoices) {
    throw badOption("Option 'options.choices' must be an array of at most 1000 choices.");
  }
  std::set<std::string> names;
  for (const auto& entry : value->as_array()) {
    const auto* choice = entry.if_object();
    const auto* name = choice ? choice->if_contains("name") : nullptr;
    if (!name || !name->is_string() || name->as_string().empty() ||
        http::utf8Length(name->as_string()) > kMaxChoiceNameLength) {
      throw badOption("Each choice needs a 'name' of 1 to 100 characters.");
    }
    const std::string choiceName(name->as_string());
    if (!names.insert(lowerAscii(choiceName)).second) {
      throw badOption("Choice '" + choiceName + "' appears twice.");
    }
    std::string color(kColors[choices.size() % kColors.size()]);
    if (const auto* given_color = choice->if_contains("color")) {
      const auto* text = given_color->if_string();
      bool known = false;
      for (std::string_view c : kColors) known = known || (text && *text == c);
      if (!known) {
        std::string list;
        for (std::string_view c : kColors) list += (list.empty() ? "" : ", ") + std::string(c);
        throw badOption("Choice colour must be one of " + list + ".");
      }
      color = std::string(*text);
    }
    for (const auto& key : *choice) {
      if (key.key() != "name" && key.key() != "color") {
        throw badOption("A choice has only 'name' and 'color'.");
      }
    }
    choices.push_back(boost::json::object{{"name", choiceName}, {"color", color}});
  }
  return choices;
}

// {"expression", "resultType"?}; what the API adds when it shows a
// formula ("result", "referencedFieldIds", "error") may come back in a
// client's copy and is dropped. The expression is checked against the
// table by the field service.
boost::json::object formulaOptions(const boost::json::object& given) {
  allowOnly(given, {"expression", "resultType", "result", "referencedFieldIds", "error"},
            FieldType::Formula);
  const auto* expression = given.if_contains("expression");
  if (!expression || !expression->is_string() || expression->as_string().empty()) {
    throw badOption("A formula field needs 'options.expression', the formula, e.g. {Price} * 2.");
  }
  boost::json::object options{{"expression", expression->as_string()}};
  if (const auto* resultType = given.if_contains("resultType");
      resultType && !resultType->is_null()) {
    if (!resultType->is_string() || !parseFormulaType(resultType->as_string())) {
      throw badOption(
          "Option 'options.resultType' must be number, text, boolean or date (or left out, "
          "to have it inferred).");
    }
    options["resultType"] = resultType->as_string();
  }
  return options;
}

// {"linkedTableId", "relationship", "oneWay"?, "symmetricFieldName"?}: the
// link as asked for (two-way unless "oneWay" is true); the field service checks the table and
// stores it (link_fields.h). "symmetricFieldId", which the API shows, may come back in a client's
// copy and is dropped.
boost::json::object linkOptions(const boost::json::object& given) {
  allowOnly(given,
            {"linkedTableId", "relationship", "oneWay", "symmetricFieldName", "symmetricFieldId"},
            FieldType::Link);
  const auto* table = given.if_contains("linkedTableId");
  if (!table || !table->is_string() || table->as_string().empty() ||
      table->as_string().size() > 64) {
    throw badOption(
        "A link field needs 'options.linkedTableId', the id of the table it links to "
        "(a table of the same base).");
  }
  boost::json::object options{{"linkedTableId", table->as_string()}, {"relationship", "manyMany"}};
  if (const auto* relationship = given.if_contains("relationship")) {
    if (!relationship->is_string() || !parseRelationship(relationship->as_string())) {
      throw badOption(
          "Option 'options.relationship' must be manyMany, manyOne (each record links to one "
          "at most), oneMany (each linked record links back to one at most) or oneOne.");
    }
    options["relationship"] = relationship->as_string();
  }
  if (const auto* oneWay = given.if_contains("oneWay")) {
    if (!oneWay->is_bool()) throw badOption("Option 'options.oneWay' must be a boolean.");
    options["oneWay"] = oneWay->as_bool();
  }
  if (const auto* name = given.if_contains("symmetricFieldName")) {
    const std::string trimmed = name->is_string()
                                    ? boost::algorithm::trim_copy(std::string(name->as_string()))
                                    : std::string();
    if (trimmed.empty() || http::utf8Length(trimmed) > kMaxNameLength ||
        trimmed.find('\0') != std::string::npos) {
      throw badOption("Option 'options.symmetricFieldName' must be a name of 1 to " +
                      std::to_string(kMaxNameLength) + " characters.");
    }
    options["symmetricFieldName"] = trimmed;
  }
  return options;
}

boost::json::object lookedUpField(const boost::json::object& given);

// {"linkFieldId", "lookupFieldId"}: checked against the table when the
// field is planned. What the API adds ("result", "error") may come back.
boost::json::object lookupOptions(const boost::json::object& given) {
  allowOnly(given, {"linkFieldId", "lookupFieldId", "result", "error"}, FieldType::Lookup);
  return lookedUpField(given);
}

// A lookup's options and {"function", "separator"?}.
boost::json::object rollupOptions(const boost::json::object& given) {
  allowOnly(given, {"linkFieldId", "lookupFieldId", "function", "separator", "result", "error"},
            FieldType::Rollup);
  boost::json::object options = lookedUpField(given);
  const auto* function = given.if_contains("function");
  constexpr std::array<std::string_view, 12> kFunctions = {
      "sum",         "average", "min", "max",         "count",       "countAll",
      "countUnique", "and",     "or",  "concatenate", "arrayUnique", "arrayCompact"};
  if (!function || !function->is_string() ||
      std::find(kFunctions.begin(), kFunctions.end(), function->as_string()) == kFunctions.end()) {
    std::string names;
    for (const std::string_view name : kFunctions)
      names += (names.empty() ? "" : ", ") + std::string(name);
    throw badOption("A rollup field needs 'options.function', one of " + names + ".");
  }
  options["function"] = function->as_string();
  if (const auto* separator = given.if_contains("separator")) {
    if (!separator->is_string() || separator->as_string().size() > 100) {
      throw badOption("Option 'options.separator' must be a text of at most 100 characters.");
    }
    options["separator"] = separator->as_string();
  }
  return options;
}

// {"linkFieldId", "lookupFieldId"} of a lookup or a rollup.
boost::json::object lookedUpField(const boost::json::object& given) {
  boost::json::object options;
  for (const std::string_view key : {"linkFieldId", "lookupFieldId"}) {
    const auto* id = given.if_contains(key);
    if (!id || !id->is_string() || id->as_string().empty() || id->as_string().size() > 64) {
      throw badOption(
          "A lookup or rollup field needs 'options.linkFieldId' (a link field of this table) and "
          "'options.lookupFieldId' (a field of the table it links to).");
    }
    options[key] = id->as_string();
  }
  return options;
}

}  // namespace

boost::json::object normalizeOptions(FieldType type, const boost::json::value& given) {
  if (!given.is_null() && !given.is_object()) {
    throw badOption("Field 'options' must be an object.");
  }
  static const boost::json::object kEmpty;
  const boost::json::object& options = given.is_object() ? given.as_object() : kEmpty;
  switch (type) {
    case FieldType::Number:
      allowOnly(options, {"precision"}, type);
      return {{"precision", integerOption(options, "precision", 2, 0, 8)}};
    case FieldType::Rating:
      allowOnly(options, {"max"}, type);
      return {{"max", integerOption(options, "max", 5, 1, 10)}};
    case FieldType::Date: {
      allowOnly(options, {"dateOnly", "timeZone"}, type);
      bool dateOnly = true;
      if (const auto* value = options.if_contains("dateOnly")) {
        if (!value->is_bool()) throw badOption("Option 'options.dateOnly' must be a boolean.");
        dateOnly = value->as_bool();
      }
      std::string zone = "UTC";
      if (const auto* value = options.if_contains("timeZone")) {
        if (!value->is_string() || !validTimeZone(value->as_string())) {
          throw badOption(
              "Option 'options.timeZone' must be an IANA time zone such as "
              "'Europe/Berlin' or 'UTC'.");
        }
        zone = std::string(value->as_string());
      }
      return {{"dateOnly", dateOnly}, {"timeZone", zone}};
    }
    case FieldType::SingleSelect:
    case FieldType::MultipleSelect:
      allowOnly(options, {"choices"}, type);
      return {{"choices", normalizeChoices(options)}};
    case FieldType::Formula:
      return formulaOptions(options);
    case FieldType::Link:
      return linkOptions(options);
    case FieldType::Lookup:
      return lookupOptions(options);
    case FieldType::Rollup:
      return rollupOptions(options);
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::Checkbox:
    case FieldType::Email:
    case FieldType::Url:
    case FieldType::AutoNumber:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
      allowOnly(options, {}, type);
      return {};
  }
  return {};
}

std::optional<std::string> findChoice(const boost::json::object& options, std::string_view name) {
  const auto* choices = options.if_contains("choices");
  if (!choices || !choices->is_array()) return std::nullopt;
  const std::string wanted = lowerAscii(name);
  for (const auto& choice : choices->as_array()) {
    const std::string existing(choice.at("name").as_string());
    if (lowerAscii(existing) == wanted) return existing;
  }
  return std::nullopt;
}

void addChoice(boost::json::object& options, const std::string& name) {
  auto& choices = options["choices"];
  if (!choices.is_array()) choices = boost::json::array();
  auto& list = choices.as_array();
  list.push_back(boost::json::object{
      {"name", name}, {"color", std::string(kColors[list.size() % kColors.size()])}});
}

}  // namespace tessera::features
