#include "features/fields/formula_check.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <map>
#include <utility>
#include <variant>
#include <vector>

#include "features/schema/formula_fields.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

// Puts the formulas of `candidate`'s fields named by `written` (each as a
// person wrote it) in their stored form and plans the table. Returns the
// first field among them whose formula cannot be computed, with why.
std::optional<std::pair<const FieldDef*, FormulaError>> planWritten(
    TableSchema& candidate, const std::vector<std::string>& written, store::SqlDialect dialect) {
  std::map<std::string, std::string> texts;
  for (FieldDef& field : candidate.fields) {
    if (std::find(written.begin(), written.end(), field.id) == written.end()) continue;
    const std::string text(field.options.at("expression").as_string());
    auto stored = storedFormula(candidate, text);
    if (auto* error = std::get_if<FormulaError>(&stored)) {
      return std::make_pair(&field, std::move(*error));
    }
    field.options["expression"] = std::get<std::string>(stored);
    texts.emplace(field.id, text);
  }
  planFormulaFields(candidate, dialect, texts);
  for (const FieldDef& field : candidate.fields) {
    if (field.formula && field.formula->error && texts.contains(field.id)) {
      return std::make_pair(&field, *field.formula->error);
    }
  }
  return std::nullopt;
}

// `schema` with `field` in it: added, or in place of its old self.
TableSchema withField(const TableSchema& schema, const FieldDef& field) {
  TableSchema candidate = schema;
  auto same = std::find_if(candidate.fields.begin(), candidate.fields.end(),
                           [&field](const FieldDef& other) { return other.id == field.id; });
  if (same == candidate.fields.end()) {
    candidate.fields.push_back(field);
  } else {
    *same = field;
  }
  return candidate;
}

[[noreturn]] void refuse(const FieldDef& field, const FormulaError& error) {
  throw http::badRequest("invalid_formula", "The formula of '" + field.name +
                                                "' cannot be computed: " + error.message);
}

}  // namespace

void checkFormulaField(const TableSchema& schema, FieldDef& field, store::SqlDialect dialect) {
  TableSchema candidate = withField(schema, field);
  if (auto problem = planWritten(candidate, {field.id}, dialect)) {
    refuse(*problem->first, problem->second);
  }
  field = *candidate.field(field.id, false);
}

void checkInitialFormulas(TableSchema& table, store::SqlDialect dialect) {
  std::vector<std::string> formulas;
  for (const FieldDef& field : table.fields) {
    if (field.type == FieldType::Formula) formulas.push_back(field.id);
  }
  if (formulas.empty()) return;
  if (auto problem = planWritten(table, formulas, dialect)) {
    refuse(*problem->first, problem->second);
  }
}

boost::json::value tryFormula(const TableSchema& schema, const boost::json::object& options,
                              const std::optional<std::string>& fieldId,
                              store::SqlDialect dialect) {
  FieldDef field;
  field.id = "fldTryingAFormula";
  if (fieldId) {
    const FieldDef* edited = schema.field(*fieldId, false);
    if (!edited) throw http::ApiError(404, "field_not_found", "This table has no such field.");
    field = *edited;
  }
  field.type = FieldType::Formula;
  field.options = options;
  TableSchema candidate = withField(schema, field);
  if (auto problem = planWritten(candidate, {field.id}, dialect)) {
    const FormulaError& error = problem->second;
    return {{"valid", false},
            {"error", {{"message", error.message}, {"position", error.position}}}};
  }
  const FormulaPlan& planned = *candidate.field(field.id, false)->formula;
  boost::json::array used;
  for (const std::string& id : planned.fieldIds) used.push_back(boost::json::value(id));
  return {{"valid", true},
          {"result", {{"type", formulaTypeName(planned.resultType)}}},
          {"referencedFieldIds", std::move(used)}};
}

}  // namespace tessera::features
