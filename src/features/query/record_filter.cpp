#include "features/query/record_filter.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "common/clock.h"
#include "features/schema/field_options.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

http::ApiError invalidFilter(const std::string& message) {
  return http::badRequest("invalid_filter", "Invalid filter: " + message);
}

std::string likePattern(const std::string& text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

enum class Family { Text, Select, MultiSelect, Number, Checkbox, Date, User, Link, Lookup };

Family familyOf(FormulaType type) {
  switch (type) {
    case FormulaType::Number:
      return Family::Number;
    case FormulaType::Text:
      return Family::Text;
    case FormulaType::Boolean:
      return Family::Checkbox;
    case FormulaType::Date:
      return Family::Date;
  }
  return Family::Text;
}

// A formula is filtered as its result type is.
Family familyOf(const FieldDef& field) {
  switch (field.type) {
    case FieldType::Formula:
      return familyOf(field.formula->resultType);
    case FieldType::Link:
      return Family::Link;
    case FieldType::Lookup:
      return Family::Lookup;
    case FieldType::Rollup:
      return field.lookup->scalarType ? familyOf(*field.lookup->scalarType) : Family::Lookup;
    case FieldType::SingleSelect:
      return Family::Select;
    case FieldType::MultipleSelect:
      return Family::MultiSelect;
    case FieldType::Number:
    case FieldType::Rating:
    case FieldType::AutoNumber:
      return Family::Number;
    case FieldType::Checkbox:
      return Family::Checkbox;
    case FieldType::Date:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
      return Family::Date;
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
      return Family::User;
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::Email:
    case FieldType::Url:
      return Family::Text;
  }
  return Family::Text;
}

// Searched by `search`: text-like fields and formulas with a text result.
bool isSearched(const FieldDef& field) {
  return isTextual(field.type) ||
         (field.type == FieldType::Formula && field.formula->resultType == FormulaType::Text);
}

const std::set<std::string>& operatorsOf(Family family) {
  static const std::map<Family, std::set<std::string>> kOperators = {
      {Family::Text,
       {"is", "isNot", "contains", "doesNotContain", "isAnyOf", "isNoneOf", "isEmpty",
        "isNotEmpty"}},
      {Family::Select, {"is", "isNot", "isAnyOf", "isNoneOf", "isEmpty", "isNotEmpty"}},
      {Family::MultiSelect, {"hasAnyOf", "hasAllOf", "isNoneOf", "isEmpty", "isNotEmpty"}},
      {Family::Number,
       {"is", "isNot", "isGreater", "isGreaterEqual", "isLess", "isLessEqual", "isEmpty",
        "isNotEmpty"}},
      {Family::Checkbox, {"is"}},
      {Family::Date,
       {"is", "isNot", "isGreater", "isGreaterEqual", "isLess", "isLessEqual", "isWithIn",
        "isEmpty", "isNotEmpty"}},
      {Family::User, {"is", "isNot", "isAnyOf", "isNoneOf", "isEmpty", "isNotEmpty"}},
      {Family::Link,
       {"is", "hasAnyOf", "hasAllOf", "isNoneOf", "contains", "doesNotContain", "isEmpty",
        "isNotEmpty"}},
      // Over the looked-up values as one text: contains matches any of them.
      {Family::Lookup, {"contains", "doesNotContain", "isEmpty", "isNotEmpty"}},
  };
  return kOperators.at(family);
}

// The operators a field takes: its family's; a lookup's also those of its
// values' type, when a filter can compare them one by one.
std::set<std::string> operatorsFor(const FieldDef& field, Family family) {
  std::set<std::string> operators = operatorsOf(family);
  if (family == Family::Lookup && !field.lookup->eachValue.empty()) {
    const std::set<std::string>& ofValues = operatorsOf(familyOf(*field.lookup->valueField));
    operators.insert(ofValues.begin(), ofValues.end());
  }
  return operators;
}

class FilterCompiler {
 public:
  explicit FilterCompiler(const TableSchema& schema) : schema_(schema) {}

  SqlFragment group(const boost::json::value& value, int depth) {
    if (depth > kMaxFilterDepth) {
      throw invalidFilter("groups nest deeper than " + std::to_string(kMaxFilterDepth) +
                          " levels.");
    }
    const auto* object = value.if_object();
    if (!object) throw invalidFilter("a group must be an object with 'filterSet'.");
    std::string conjunction = "and";
    for (const auto& entry : *object) {
      if (entry.key() == "conjunction") {
        const auto* text = entry.value().if_string();
        if (!text || (*text != "and" && *text != "or")) {
          throw invalidFilter("'conjunction' must be \"and\" or \"or\".");
        }
        conjunction = std::string(*text);
      } else if (entry.key() != "filterSet") {
        throw invalidFilter("unknown key '" + std::string(entry.key()) + "' in a group.");
      }
    }
    const auto* set = object->if_contains("filterSet");
    if (!set || !set->is_array()) throw invalidFilter("'filterSet' must be an array.");
    if (set->as_array().empty()) return {"1 = 1", {}};
    SqlFragment out{"(", {}};
    bool first = true;
    for (const auto& item : set->as_array()) {
      if (!first) out.sql += conjunction == "and" ? " AND " : " OR ";
      first = false;
      const auto* itemObject = item.if_object();
      out.append(itemObject && itemObject->contains("filterSet") ? group(item, depth + 1)
                                                                 : condition(item));
    }
    out.sql += ")";
    return out;
  }

 private:
  SqlFragment condition(const boost::json::value& value) {
    if (++conditions_ > kMaxFilterConditions) {
      throw invalidFilter("more than " + std::to_string(kMaxFilterConditions) + " conditions.");
    }
    const auto* object = value.if_object();
    if (!object) throw invalidFilter("a condition must be an object.");
    for (const auto& entry : *object) {
      if (entry.key() != "fieldId" && entry.key() != "operator" && entry.key() != "value") {
        throw invalidFilter("unknown key '" + std::string(entry.key()) + "' in a condition.");
      }
    }
    const auto* fieldKey = object->if_contains("fieldId");
    const auto* op = object->if_contains("operator");
    if (!fieldKey || !fieldKey->is_string() || !op || !op->is_string()) {
      throw invalidFilter("each condition needs 'fieldId' and 'operator' strings.");
    }
    const FieldDef* field = schema_.field(fieldKey->as_string(), true);
    if (!field) {
      throw invalidFilter("this table has no field '" + std::string(fieldKey->as_string()) + "'.");
    }
    const std::string name(op->as_string());
    const Family family = familyOf(*field);
    const std::set<std::string> operators = operatorsFor(*field, family);
    if (!operators.contains(name)) {
      std::string allowed;
      for (const auto& known : operators) allowed += (allowed.empty() ? "" : ", ") + known;
      throw invalidFilter("operator '" + name + "' does not apply to " +
                          std::string(fieldTypeName(field->type)) + " field '" + field->name +
                          "'. Use one of: " + allowed + ".");
    }
    static const boost::json::value kNull;
    const auto* given = object->if_contains("value");
    return compile(*field, family, name, given ? *given : kNull);
  }

  SqlFragment compile(const FieldDef& field, Family family, const std::string& op,
                      const boost::json::value& value) {
    if (family == Family::Link) return compileLink(field, op, value);
    if (family == Family::Lookup && !operatorsOf(Family::Lookup).contains(op)) {
      return compileEachValue(field, op, value);
    }
    return compileOn(field.expression(), field, family, op, value);
  }

  // The condition on the value `x` of `field`.
  SqlFragment compileOn(const std::string& x, const FieldDef& field, Family family,
                        const std::string& op, const boost::json::value& value) {
    if (op == "isEmpty") return {"(" + x + " IS NULL)", {}};
    if (op == "isNotEmpty") return {"(" + x + " IS NOT NULL)", {}};
    switch (family) {
      case Family::Text:
      case Family::User:
      case Family::Lookup:
        return compileText(field, x, op, value, [this, &field](const boost::json::value& v) {
          return store::SqlValue(stringValue(field, v));
        });
      case Family::Select:
        return compileText(field, x, op, value, [this, &field](const boost::json::value& v) {
          return store::SqlValue(choiceValue(field, v));
        });
      case Family::MultiSelect:
        return compileMultiSelect(field, x, op, value);
      case Family::Number:
        return compileOrdered(x, op, numberValue(field, value));
      case Family::Checkbox:
        if (!value.is_bool())
          throw invalidFilter("'" + field.name + "' is compared with true or false.");
        // An unchecked box is stored as NULL; a false formula is 0.
        return {value.as_bool() ? "(" + x + " = 1)" : "(" + x + " IS NULL OR " + x + " = 0)", {}};
      case Family::Date:
        return compileDate(field, x, op, value);
      case Family::Link:
        break;
    }
    throw invalidFilter("unsupported condition.");
  }

  // A lookup compared by its values' type: true when any value meets the
  // condition; for isNot and isNoneOf, and a checkbox "is false", when
  // none meets its opposite.
  SqlFragment compileEachValue(const FieldDef& list, const std::string& op,
                               const boost::json::value& value) {
    const LookupPlan& plan = *list.lookup;
    const FieldDef& each = *plan.valueField;
    const Family family = familyOf(each);
    std::string positive = op == "isNot" ? "is" : op == "isNoneOf" ? "isAnyOf" : op;
    boost::json::value compared = value;
    bool none = positive != op;
    if (family == Family::Checkbox && value.is_bool()) {
      none = !value.as_bool();  // no value checked
      compared = true;
    }
    const SqlFragment condition = compileOn(plan.eachValue, each, family, positive, compared);
    return {std::string(none ? "(NOT " : "(") + "EXISTS (SELECT 1 FROM " + plan.eachValueFrom +
                " WHERE " + condition.sql + "))",
            condition.params};
  }

  template <class Convert>
  SqlFragment compileText(const FieldDef& field, const std::string& x, const std::string& op,
                          const boost::json::value& value, Convert&& convert) {
    if (op == "is") return {"(" + x + " = ?)", {convert(value)}};
    if (op == "isNot") return {"(" + x + " IS NULL OR " + x + " <> ?)", {convert(value)}};
    if (op == "contains" || op == "doesNotContain") {
      const store::SqlValue pattern = likePattern(stringValue(field, value));
      if (op == "contains") return {"(LOWER(" + x + ") LIKE LOWER(?) ESCAPE '\\')", {pattern}};
      return {"(" + x + " IS NULL OR LOWER(" + x + ") NOT LIKE LOWER(?) ESCAPE '\\')", {pattern}};
    }
    SqlFragment list = valueList(field, value, convert);
    if (op == "isAnyOf") return {"(" + x + " IN (" + list.sql + "))", list.params};
    return {"(" + x + " IS NULL OR " + x + " NOT IN (" + list.sql + "))", list.params};
  }

  template <class Convert>
  SqlFragment valueList(const FieldDef& field, const boost::json::value& value, Convert&& convert) {
    if (!value.is_array() || value.as_array().empty() || value.as_array().size() > 1000) {
      throw invalidFilter("'" + field.name + "' needs an array of 1 to 1000 values.");
    }
    SqlFragment list;
    for (const auto& item : value.as_array()) {
      list.sql += list.sql.empty() ? "?" : ", ?";
      list.params.push_back(convert(item));
    }
    return list;
  }

  SqlFragment compileMultiSelect(const FieldDef& field, const std::string& x, const std::string& op,
                                 const boost::json::value& value) {
    // Stored as a JSON array of choice names; a serialized name in quotes
    // can only match a whole element.
    SqlFragment list = valueList(field, value, [this, &field](const boost::json::value& v) {
      return store::SqlValue(
          likePattern(boost::json::serialize(boost::json::value(choiceValue(field, v)))));
    });
    SqlFragment out{"(", {}};
    const std::string joiner = op == "hasAllOf" ? " AND " : " OR ";
    for (std::size_t i = 0; i < list.params.size(); ++i) {
      out.sql += (i ? joiner : "") + x + " LIKE ? ESCAPE '\\'";
      out.params.push_back(list.params[i]);
    }
    out.sql += ")";
    if (op == "isNoneOf") out.sql = "(" + x + " IS NULL OR NOT " + out.sql + ")";
    return out;
  }

  // Over the link's junction: a record "is" a linked record when it links
  // to it (among others).
  SqlFragment compileLink(const FieldDef& field, const std::string& op,
                          const boost::json::value& value) {
    const LinkPlan& link = *field.link;
    const std::string to = "p." + quoteIdentifier(std::string(link.to()));
    const std::string pairs = "SELECT 1 FROM " + link.junction() + " p WHERE p." +
                              quoteIdentifier(std::string(link.from())) + " = t.__id";
    if (op == "isEmpty") return {"(NOT EXISTS (" + pairs + "))", {}};
    if (op == "isNotEmpty") return {"(EXISTS (" + pairs + "))", {}};
    if (op == "contains" || op == "doesNotContain") {
      // A linked record's title (its primary field, as text) contains it.
      if (!link.titleField) return {op == "contains" ? "(1 = 0)" : "(1 = 1)", {}};
      const std::string titled =
          "EXISTS (SELECT 1 FROM " + link.junction() + " p JOIN " + link.linkedSqlTable +
          " x ON x.__id = " + to + " WHERE p." + quoteIdentifier(std::string(link.from())) +
          " = t.__id AND LOWER(CAST(x." + link.titleField->indexExpression() +
          " AS TEXT)) LIKE LOWER(?) ESCAPE '\\')";
      const store::SqlValue pattern = likePattern(stringValue(field, value));
      return {op == "contains" ? "(" + titled + ")" : "(NOT " + titled + ")", {pattern}};
    }
    const auto recordId = [&field](const boost::json::value& v) {
      if (!v.is_string() || v.as_string().empty()) {
        throw invalidFilter("'" + field.name + "' is compared with record ids (\"rec...\").");
      }
      return store::SqlValue(std::string(v.as_string()));
    };
    if (op == "is") return {"(EXISTS (" + pairs + " AND " + to + " = ?))", {recordId(value)}};
    SqlFragment list = valueList(field, value, recordId);
    if (op == "hasAllOf") {
      // Each id counted once.
      std::vector<std::string> ids;
      for (const store::SqlValue& id : list.params) ids.push_back(std::get<std::string>(id));
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      list = {};
      for (std::string& id : ids) {
        list.sql += list.params.empty() ? "?" : ", ?";
        list.params.emplace_back(std::move(id));
      }
      return {"((SELECT COUNT(*) FROM " + link.junction() + " p WHERE p." +
                  quoteIdentifier(std::string(link.from())) + " = t.__id AND " + to + " IN (" +
                  list.sql + ")) = " + std::to_string(list.params.size()) + ")",
              list.params};
    }
    const std::string any = "EXISTS (" + pairs + " AND " + to + " IN (" + list.sql + "))";
    return {op == "isNoneOf" ? "(NOT " + any + ")" : "(" + any + ")", list.params};
  }

  static SqlFragment compileOrdered(const std::string& x, const std::string& op,
                                    store::SqlValue value) {
    static const std::map<std::string, std::string> kComparisons = {{"is", "="},
                                                                    {"isGreater", ">"},
                                                                    {"isGreaterEqual", ">="},
                                                                    {"isLess", "<"},
                                                                    {"isLessEqual", "<="}};
    if (op == "isNot") return {"(" + x + " IS NULL OR " + x + " <> ?)", {value}};
    return {"(" + x + " " + kComparisons.at(op) + " ?)", {value}};
  }

  SqlFragment compileDate(const FieldDef& field, const std::string& x, const std::string& op,
                          const boost::json::value& value) {
    if (op == "isWithIn") return compileWithin(field, x, value);
    const auto* text = value.if_string();
    const auto instant = text ? parseRfc3339(*text) : std::nullopt;
    if (!instant) {
      throw invalidFilter("'" + field.name +
                          "' is compared with a date (2026-11-27) or date-time "
                          "(2026-11-27T09:30:00Z).");
    }
    if (text->size() != 10) return compileOrdered(x, op, *instant);
    // A whole day: [start, end).
    const store::SqlValue start = *instant;
    const store::SqlValue end = *instant + kMillisPerDay;
    if (op == "is") return {"(" + x + " >= ? AND " + x + " < ?)", {start, end}};
    if (op == "isNot")
      return {"(" + x + " IS NULL OR " + x + " < ? OR " + x + " >= ?)", {start, end}};
    if (op == "isGreater") return {"(" + x + " >= ?)", {end}};
    if (op == "isGreaterEqual") return {"(" + x + " >= ?)", {start}};
    if (op == "isLess") return {"(" + x + " < ?)", {start}};
    return {"(" + x + " < ?)", {end}};
  }

  SqlFragment compileWithin(const FieldDef& field, const std::string& x,
                            const boost::json::value& value) {
    static const std::map<std::string, std::int64_t> kPeriods = {
        {"pastWeek", -7}, {"pastMonth", -30}, {"pastYear", -365},
        {"nextWeek", 7},  {"nextMonth", 30},  {"nextYear", 365}};
    std::optional<std::int64_t> days;
    if (const auto* text = value.if_string()) {
      if (auto found = kPeriods.find(std::string(*text)); found != kPeriods.end()) {
        days = found->second;
      }
    } else if (const auto* object = value.if_object()) {
      const auto* mode = object->if_contains("mode");
      const auto* count = object->if_contains("numberOfDays");
      if (mode && mode->is_string() && count && count->is_int64() && count->as_int64() > 0 &&
          count->as_int64() <= 36500) {
        if (mode->as_string() == "pastNumberOfDays") days = -count->as_int64();
        if (mode->as_string() == "nextNumberOfDays") days = count->as_int64();
      }
    }
    if (!days) {
      throw invalidFilter("isWithIn on '" + field.name +
                          "' takes pastWeek, pastMonth, pastYear, nextWeek, nextMonth, nextYear "
                          "or {\"mode\":\"pastNumberOfDays\"|\"nextNumberOfDays\","
                          "\"numberOfDays\":N}.");
    }
    const UnixMillis now = nowMillis();
    const UnixMillis other = now + *days * kMillisPerDay;
    return {"(" + x + " >= ? AND " + x + " <= ?)", {std::min(now, other), std::max(now, other)}};
  }

  std::string stringValue(const FieldDef& field, const boost::json::value& value) const {
    if (!value.is_string()) throw invalidFilter("'" + field.name + "' is compared with text.");
    return std::string(value.as_string());
  }

  std::string choiceValue(const FieldDef& field, const boost::json::value& value) const {
    const std::string name = stringValue(field, value);
    auto choice = findChoice(field.options, name);
    if (!choice) throw invalidFilter("'" + name + "' is not a choice of '" + field.name + "'.");
    return *choice;
  }

  store::SqlValue numberValue(const FieldDef& field, const boost::json::value& value) const {
    if (!value.is_number()) throw invalidFilter("'" + field.name + "' is compared with a number.");
    return value.to_number<double>();
  }

  const TableSchema& schema_;
  std::size_t conditions_ = 0;
};

}  // namespace

SqlFragment compileFilter(const TableSchema& schema, const boost::json::value& filter) {
  if (filter.is_null()) return {"1 = 1", {}};
  return FilterCompiler(schema).group(filter, 1);
}

SqlFragment compileSearch(const TableSchema& schema, const std::string& text) {
  SqlFragment out{"(", {}};
  for (const FieldDef& field : schema.fields) {
    if (!isSearched(field)) continue;
    out.sql += out.params.empty() ? "" : " OR ";
    out.sql += "LOWER(" + field.expression() + ") LIKE LOWER(?) ESCAPE '\\'";
    out.params.push_back(likePattern(text));
  }
  if (out.params.empty()) return {"1 = 0", {}};
  out.sql += ")";
  return out;
}

}  // namespace tessera::features
