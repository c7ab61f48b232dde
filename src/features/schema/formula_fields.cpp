#include "features/schema/formula_fields.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "features/formula/formula_compiler.h"
#include "features/formula/formula_lexer.h"
#include "features/formula/formula_parser.h"
#include "features/schema/lookup_fields.h"

namespace tessera::features {
namespace {

// A field's value as a formula uses it.
struct FieldValue {
  FormulaField field;
  bool indexable = true;  // an index expression may hold it
};

std::optional<FormulaType> lookedUpKind(const FieldDef& lookup);

// The value of a field that is not a formula, over its qualified (query)
// or bare (index) column. An unchecked checkbox is false, not blank; a
// lookup, or a rollup that gives a list, is its values as text joined by
// ", " (users by their names). REQUIRES: such a list has a kind
// (lookedUpKind).
FieldValue plainValue(const FieldDef& field, bool qualified, const FormulaSql& sql) {
  const std::string column = qualified ? field.expression() : field.indexExpression();
  FieldValue value{{field.id, field.name, FormulaType::Text, column}, true};
  switch (field.type) {
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::SingleSelect:
    case FieldType::Email:
    case FieldType::Url:
      return value;
    case FieldType::MultipleSelect:
      value.field.sql = sql.joinedNames(column);
      value.indexable = false;
      return value;
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
      value.field.sql = sql.userName(column);
      value.indexable = false;
      return value;
    case FieldType::Number:
      value.field.type = FormulaType::Number;
      return value;
    case FieldType::Rating:
    case FieldType::AutoNumber:
      value.field.type = FormulaType::Number;
      value.field.sql = "CAST(" + column + " AS DOUBLE PRECISION)";
      return value;
    case FieldType::Checkbox:
      value.field.type = FormulaType::Boolean;
      value.field.sql = "COALESCE(" + column + ", 0)";
      return value;
    case FieldType::Date:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
      value.field.type = FormulaType::Date;
      return value;
    case FieldType::Rollup:
    case FieldType::Lookup:
      if (field.lookup->scalarType) {
        // Its column (materialised) holds one value of its result type.
        value.field.type = *field.lookup->scalarType;
        return value;
      }
      // Its column (materialised) holds a JSON array of the values (of
      // users' ids, for users).
      value.field.sql =
          field.lookup->readSql.empty()
              ? sql.joinedValues(column, *lookedUpKind(field))
              : sql.joinedUserNames((qualified ? "t." : "") + field.materialisedColumn());
      value.indexable = false;
      return value;
    case FieldType::Formula:
    case FieldType::Link:
      break;
  }
  throw std::logic_error("plainValue of a formula or link field");
}

// The kind of the values a lookup, or a rollup that gives a list, holds
// when a formula can use them: nullopt when it is broken or holds links or
// multiple selects.
std::optional<FormulaType> lookedUpKind(const FieldDef& list) {
  if (!list.lookup || list.lookup->error) return std::nullopt;
  return valueKind(*list.lookup->valueField);
}

void collectReferences(const FormulaNode& node, std::vector<const FormulaNode*>& references) {
  if (node.kind == FormulaNode::Kind::Field) references.push_back(&node);
  for (const FormulaNode& child : node.children) collectReferences(child, references);
}

std::string storedExpression(const FieldDef& field) {
  const auto* expression = field.options.if_contains("expression");
  return expression && expression->is_string() ? std::string(expression->as_string()) : "";
}

class Planner {
 public:
  Planner(const TableSchema& schema, store::SqlDialect dialect,
          const std::map<std::string, std::string>& written)
      : schema_(schema), dialect_(dialect), sql_(dialect) {
    const FieldResolver byNameOrId = [&schema](std::string_view key) {
      const FieldDef* field = schema.field(key, true);
      return field ? std::optional<std::string>(field->id) : std::nullopt;
    };
    const FieldResolver asStored = [](std::string_view key) { return std::string(key); };
    for (const FieldDef& field : schema.fields) {
      if (field.type != FieldType::Formula) continue;
      const auto text = written.find(field.id);
      auto tree = text == written.end() ? parseFormula(storedExpression(field), asStored)
                                        : parseFormula(text->second, byNameOrId);
      if (const auto* root = std::get_if<FormulaNode>(&tree)) trees_.emplace(field.id, *root);
    }
  }

  std::shared_ptr<const FormulaPlan> plan(const FieldDef& field) { return planned(field).plan; }

 private:
  struct Planned {
    std::shared_ptr<FormulaPlan> plan;
    FieldValue query;  // as other formulas use it
    FieldValue bare;   // the same over bare columns (empty SQL when not indexable)
  };

  const Planned& planned(const FieldDef& field) {
    if (auto found = planned_.find(field.id); found != planned_.end()) return found->second;
    Planned result;
    result.plan = std::make_shared<FormulaPlan>();
    FormulaPlan& plan = *result.plan;
    const std::string stored = storedExpression(field);
    const auto* forced = field.options.if_contains("resultType");
    const std::optional<FormulaType> resultType =
        forced && forced->is_string() ? parseFormulaType(forced->as_string()) : std::nullopt;
    plan.resultType = resultType.value_or(FormulaType::Text);
    plan.sql = sql_.nullOf(plan.resultType);
    plan.bareSql = plan.sql;
    plan.expression = stored;

    const auto tree = trees_.find(field.id);
    if (tree == trees_.end()) {
      plan.error = FormulaError{1, "The stored formula cannot be read; write it again."};
    } else {
      plan.expression = rewriteFieldReferences(stored, [this](std::string_view id) {
        const FieldDef* used = schema_.field(id, false);
        return used ? std::optional<std::string>(used->name) : std::nullopt;
      });
      plan.fieldIds = referencedIds(tree->second);
      if (auto cycle = cycleThrough(field)) {
        plan.error = std::move(cycle);
      } else {
        compileInto(plan, tree->second, resultType);
      }
    }
    result.query = {{field.id, field.name, plan.resultType, plan.sql}, !plan.indexSql.empty()};
    result.bare = {{field.id, field.name, plan.resultType, plan.indexSql}, !plan.indexSql.empty()};
    return planned_.emplace(field.id, std::move(result)).first->second;
  }

  // Compiles the formula into `plan`, or records why it cannot be computed.
  void compileInto(FormulaPlan& plan, const FormulaNode& root,
                   std::optional<FormulaType> resultType) {
    bool indexable = true;
    auto compiled = compileWith(root, resultType, true, indexable);
    if (const auto* error = std::get_if<FormulaError>(&compiled)) {
      plan.error = *error;
      return;
    }
    const auto& query = std::get<CompiledFormula>(compiled);
    plan.resultType = query.type;
    plan.sql = query.sql;
    bool bareIndexable = true;
    plan.bareSql =
        std::get<CompiledFormula>(compileWith(root, resultType, false, bareIndexable)).sql;
    if (indexable && !query.usesNow) plan.indexSql = plan.bareSql;
  }

  // Compiles `root` over qualified or bare columns; `indexable` is cleared
  // when it uses a value an index cannot hold.
  std::variant<CompiledFormula, FormulaError> compileWith(const FormulaNode& root,
                                                          std::optional<FormulaType> resultType,
                                                          bool qualified, bool& indexable) {
    std::string brokenReference;
    FormulaScope scope;
    scope.dialect = dialect_;
    scope.recordQualifier = qualified ? "t." : "";
    scope.resultType = resultType;
    scope.field = [&](std::string_view id) -> const FormulaField* {
      const FieldDef* used = schema_.field(id, false);
      if (!used) return nullptr;
      if (used->type == FieldType::Link) {
        brokenReference = "A formula cannot use the link " + writeFieldReference(used->name) +
                          " itself; add a lookup of the linked field it needs";
        return nullptr;
      }
      const bool listed = used->type == FieldType::Lookup || used->type == FieldType::Rollup;
      if (listed && (!used->lookup || used->lookup->error)) {
        brokenReference = "The " + std::string(fieldTypeName(used->type)) + " " +
                          writeFieldReference(used->name) + " it uses cannot be computed";
        return nullptr;
      }
      if (listed && !used->lookup->scalarType && !lookedUpKind(*used)) {
        brokenReference = "A formula cannot use " + writeFieldReference(used->name) +
                          ", a list of links or of multiple selects; look up a field of those "
                          "records, or roll it up";
        return nullptr;
      }
      const FieldValue* value = nullptr;
      if (used->type == FieldType::Formula) {
        const Planned& other = planned(*used);
        if (other.plan->error) {
          brokenReference = "The formula " + writeFieldReference(used->name) + " it uses is broken";
          return nullptr;
        }
        value = qualified ? &other.query : &other.bare;
      } else {
        auto& cache = qualified ? plainQuery_ : plainBare_;
        value = &cache.try_emplace(used->id, plainValue(*used, qualified, sql_)).first->second;
      }
      indexable = indexable && value->indexable;
      return &value->field;
    };
    auto compiled = compileFormula(root, scope);
    if (auto* error = std::get_if<FormulaError>(&compiled); error && !brokenReference.empty()) {
      error->message = brokenReference + " at " + std::to_string(error->position) + ".";
    }
    return compiled;
  }

  static std::vector<std::string> referencedIds(const FormulaNode& root) {
    std::vector<const FormulaNode*> references;
    collectReferences(root, references);
    std::vector<std::string> ids;
    for (const FormulaNode* reference : references) {
      if (std::find(ids.begin(), ids.end(), reference->text) == ids.end()) {
        ids.push_back(reference->text);
      }
    }
    return ids;
  }

  // "Circular reference: {A} → {B} → {A} at N." when the field's formula
  // leads back to itself through the formulas it uses; N is where it uses
  // the first of them.
  std::optional<FormulaError> cycleThrough(const FieldDef& field) {
    std::vector<std::string> path;
    std::set<std::string> seen;
    if (!leadsTo(field.id, field.id, seen, path)) return std::nullopt;
    std::string names = writeFieldReference(field.name);
    for (const std::string& id : path)
      names += " → " + writeFieldReference(schema_.field(id, false)->name);
    std::vector<const FormulaNode*> references;
    collectReferences(trees_.at(field.id), references);
    std::size_t position = 1;
    for (const FormulaNode* reference : references) {
      if (reference->text == path.front()) {
        position = reference->position;
        break;
      }
    }
    return FormulaError{position,
                        "Circular reference: " + names + " at " + std::to_string(position) + "."};
  }

  // Whether a formula `from` uses leads to `target`; `path` gets the steps.
  bool leadsTo(const std::string& from, const std::string& target, std::set<std::string>& seen,
               std::vector<std::string>& path) {
    const auto tree = trees_.find(from);
    if (tree == trees_.end()) return false;
    for (const std::string& next : referencedIds(tree->second)) {
      const FieldDef* used = schema_.field(next, false);
      if (!used || used->type != FieldType::Formula) continue;
      path.push_back(next);
      if (next == target) return true;
      if (seen.insert(next).second && leadsTo(next, target, seen, path)) return true;
      path.pop_back();
    }
    return false;
  }

  const TableSchema& schema_;
  const store::SqlDialect dialect_;
  const FormulaSql sql_;
  std::map<std::string, FormulaNode> trees_;
  std::map<std::string, Planned> planned_;
  std::map<std::string, FieldValue> plainQuery_, plainBare_;
};

}  // namespace

void planFormulaFields(TableSchema& schema, store::SqlDialect dialect,
                       const std::map<std::string, std::string>& written) {
  Planner planner(schema, dialect, written);
  std::vector<std::shared_ptr<const FormulaPlan>> plans(schema.fields.size());
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    if (schema.fields[i].type == FieldType::Formula) plans[i] = planner.plan(schema.fields[i]);
  }
  for (std::size_t i = 0; i < schema.fields.size(); ++i) schema.fields[i].formula = plans[i];
}

std::variant<std::string, FormulaError> storedFormula(const TableSchema& schema,
                                                      std::string_view text) {
  const FieldResolver toId = [&schema](std::string_view key) -> std::optional<std::string> {
    const FieldDef* field = schema.field(key, true);
    return field ? std::optional<std::string>(field->id) : std::nullopt;
  };
  auto tree = parseFormula(text, toId);
  if (auto* error = std::get_if<FormulaError>(&tree)) return std::move(*error);
  return rewriteFieldReferences(text, toId);
}

std::vector<std::string> formulasUsing(const TableSchema& schema, const std::string& fieldId) {
  std::set<std::string> reached{fieldId};
  std::vector<std::string> using_;
  for (bool grew = true; grew;) {
    grew = false;
    for (const FieldDef& field : schema.fields) {
      if (!field.formula || reached.contains(field.id)) continue;
      for (const std::string& id : field.formula->fieldIds) {
        if (!reached.contains(id)) continue;
        reached.insert(field.id);
        using_.push_back(field.id);
        grew = true;
        break;
      }
    }
  }
  return using_;
}

}  // namespace tessera::features
