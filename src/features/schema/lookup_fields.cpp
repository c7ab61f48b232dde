#include "features/schema/lookup_fields.h"

#include <algorithm>
#include <vector>

#include "features/formula/formula_sql.h"
#include "features/schema/formula_fields.h"

namespace tessera::features {
namespace {

// " FROM <the records linked through `link`, each as x.v: `value` (SQL
// over the linked table's columns)> WHERE <they are the record's>", with
// the junction's row as p. Inside, no column is named `__id`, so the
// record whose links are read is the nearest enclosing scope that has one.
std::string linkedValues(const LinkPlan& link, const std::string& value) {
  return " FROM " + link.junction() + " p JOIN (SELECT __id AS xid, " + value + " AS v FROM " +
         link.linkedSqlTable + ") x ON x.xid = p." + quoteIdentifier(std::string(link.to())) +
         " WHERE p." + quoteIdentifier(std::string(link.from())) + " = __id";
}

std::string linkOrder(const LinkPlan& link) {
  return "p." + quoteIdentifier(std::string(link.fromOrder()));
}

// The non-empty values `value` takes in the records linked through `link`,
// in link order, as a JSON array.
std::string lookupSql(const LinkPlan& link, const std::string& value, bool nested,
                      store::SqlDialect dialect) {
  const std::string order = linkOrder(link).substr(2);
  const std::string pairs = linkedValues(link, value) + " AND x.v IS NOT NULL";
  switch (dialect) {
    case store::SqlDialect::Sqlite:
      // SQLite keeps a subquery's order for the aggregate over it.
      return std::string("(SELECT CASE WHEN COUNT(*) > 0 THEN json_group_array(") +
             (nested ? "json(l.v)" : "l.v") + ") END FROM (SELECT x.v AS v" + pairs +
             " ORDER BY p." + order + ") l)";
    case store::SqlDialect::Postgres:
      return std::string("(SELECT json_agg(") + (nested ? "x.v::json" : "x.v") + " ORDER BY p." +
             order + ")::text" + pairs + ")";
  }
  return "NULL";
}

// A rollup's aggregate over `value`, or why it cannot be computed.
struct Rollup {
  std::string sql;
  std::optional<FormulaType> type;  // nullopt: an array, as a lookup's
  std::string error;
};

Rollup rollupSql(const LinkPlan& link, const std::string& value, std::optional<FormulaType> kind,
                 const boost::json::object& options, store::SqlDialect dialect) {
  const FormulaSql words(dialect);
  const std::string function = textOption(options, "function");
  const std::string pairs = linkedValues(link, value);
  const std::string order = linkOrder(link);
  const auto scalar = [&](const std::string& aggregate, FormulaType type) {
    return Rollup{"(SELECT " + aggregate + pairs + ")", type, ""};
  };
  const auto needs = [&](std::initializer_list<FormulaType> kinds) {
    return !kind || std::find(kinds.begin(), kinds.end(), *kind) == kinds.end();
  };
  const auto refused = [&](const std::string& what) {
    return Rollup{"NULL", std::nullopt, function + " rolls up " + what + " only."};
  };
  if (function == "sum" || function == "average") {
    if (needs({FormulaType::Number})) return refused("numbers");
    return scalar(std::string("CAST(") +
                      (function == "sum" ? "COALESCE(SUM(x.v), 0)" : "AVG(x.v)") +
                      " AS DOUBLE PRECISION)",
                  FormulaType::Number);
  }
  if (function == "min" || function == "max") {
    if (needs({FormulaType::Number, FormulaType::Date})) return refused("numbers or dates");
    return scalar((function == "min" ? "MIN(x.v)" : "MAX(x.v)"), *kind);
  }
  if (function == "count") return scalar("COUNT(x.v)", FormulaType::Number);
  if (function == "countAll") return scalar("COUNT(*)", FormulaType::Number);
  if (function == "countUnique") return scalar("COUNT(DISTINCT x.v)", FormulaType::Number);
  if (function == "and" || function == "or") {
    const std::string truthy = kind == FormulaType::Text ? "x.v IS NOT NULL AND x.v <> ''"
                                                         : "x.v IS NOT NULL AND x.v <> 0";
    return scalar("CASE WHEN COUNT(*) = 0 THEN NULL ELSE " +
                      std::string(function == "and" ? "MIN" : "MAX") + "(CASE WHEN " + truthy +
                      " THEN 1 ELSE 0 END) END",
                  FormulaType::Boolean);
  }
  if (function == "concatenate") {
    if (!kind) return refused("single values");
    std::string text = "x.v";
    if (*kind == FormulaType::Number) text = words.numberText("x.v");
    if (*kind == FormulaType::Date) text = words.dateText("x.v");
    if (*kind == FormulaType::Boolean) text = "CASE WHEN x.v <> 0 THEN 'true' ELSE 'false' END";
    const std::string separator =
        words.textLiteral(options.contains("separator") ? textOption(options, "separator") : ", ");
    switch (dialect) {
      case store::SqlDialect::Sqlite:
        return {"(SELECT group_concat(l.t, " + separator + ") FROM (SELECT " + text + " AS t" +
                    pairs + " AND x.v IS NOT NULL ORDER BY " + order + ") l)",
                FormulaType::Text, ""};
      case store::SqlDialect::Postgres:
        return scalar("string_agg(" + text + ", " + separator + " ORDER BY " + order + ")",
                      FormulaType::Text);
    }
  }
  if (function == "arrayCompact") return {lookupSql(link, value, false, dialect), std::nullopt, ""};
  if (function == "arrayUnique") {
    const std::string distinct = pairs + " AND x.v IS NOT NULL GROUP BY x.v";
    switch (dialect) {
      case store::SqlDialect::Sqlite:
        return {
            "(SELECT CASE WHEN COUNT(*) > 0 THEN json_group_array(u.v) END FROM (SELECT x.v AS v" +
                distinct + " ORDER BY MIN(" + order + ")) u)",
            std::nullopt, ""};
      case store::SqlDialect::Postgres:
        return {"(SELECT json_agg(u.v ORDER BY u.o)::text FROM (SELECT x.v AS v, MIN(" + order +
                    ") AS o" + distinct + ") u)",
                std::nullopt, ""};
    }
  }
  return {"NULL", std::nullopt, "Unknown rollup function '" + function + "'."};
}

bool isUser(FieldType type) {
  return type == FieldType::CreatedBy || type == FieldType::LastModifiedBy;
}

// The users whose ids `column` holds (a JSON array, or NULL), in its order,
// as a JSON array of {"id", "name", "email"}.
std::string usersSql(const std::string& column, store::SqlDialect dialect) {
  switch (dialect) {
    case store::SqlDialect::Sqlite:
      return "(CASE WHEN " + column +
             " IS NOT NULL THEN (SELECT json_group_array(json_object('id', l.id, 'name', l.name,"
             " 'email', l.email)) FROM (SELECT e.value AS id, COALESCE(u.name, '') AS name,"
             " COALESCE(u.email, '') AS email FROM json_each(" +
             column + ") e LEFT JOIN users u ON u.id = e.value ORDER BY e.key) l) END)";
    case store::SqlDialect::Postgres:
      return "(SELECT json_agg(json_build_object('id', e.v, 'name', COALESCE(u.name, ''),"
             " 'email', COALESCE(u.email, '')) ORDER BY e.n)::text FROM "
             "jsonb_array_elements_text(CAST(" +
             column + " AS jsonb)) WITH ORDINALITY AS e(v, n) LEFT JOIN users u ON u.id = e.v)";
  }
  return "NULL";
}

class LookupPlanner {
 public:
  LookupPlanner(const TableLoader& load, store::SqlDialect dialect)
      : load_(load), dialect_(dialect) {}

  // The plan of `lookup`, a field of `table`; `trail` holds the lookups
  // being planned that lead to it.
  std::shared_ptr<const LookupPlan> plan(const TableSchema& table, const FieldDef& lookup,
                                         std::vector<std::string>& trail) {
    auto plan = std::make_shared<LookupPlan>();
    const StoredLookup stored = readStoredLookup(lookup.options);
    plan->linkFieldId = stored.linkFieldId;
    plan->lookupFieldId = stored.lookupFieldId;
    plan->sql = "NULL";
    const auto broken = [&](std::string why) {
      plan->error = std::move(why);
      return plan;
    };
    if (std::find(trail.begin(), trail.end(), lookup.id) != trail.end()) {
      return broken("Circular reference: this lookup leads back to itself through other lookups.");
    }
    const FieldDef* link = table.field(stored.linkFieldId, false);
    if (!link || link->type != FieldType::Link || !link->link) {
      return broken("The link field it looks up through was deleted.");
    }
    const auto linked = load_(link->link->linkedTableId);
    const FieldDef* target = linked ? linked->field(stored.lookupFieldId, false) : nullptr;
    if (!target) return broken("The field it looks up was deleted.");
    std::string value;
    switch (target->type) {
      case FieldType::Formula: {
        // A formula over lookups or rollups is planned once they are.
        std::optional<TableSchema> withLookups;
        const FieldDef* formula = target;
        if (formula->formula->error) {
          withLookups = *linked;
          trail.push_back(lookup.id);
          planAll(*withLookups, trail);
          trail.pop_back();
          planFormulaFields(*withLookups, dialect_);
          formula = withLookups->field(target->id, false);
        }
        if (formula->formula->error) return broken("The formula it looks up is broken.");
        value = formula->formula->bareSql;
        plan->valueField = std::make_shared<const FieldDef>(*formula);
        break;
      }
      case FieldType::Lookup: {
        trail.push_back(lookup.id);
        const auto inner = this->plan(*linked, *target, trail);
        trail.pop_back();
        if (inner->error) return broken("The lookup it looks up is broken: " + *inner->error);
        // The inner lookup's values are kept in its column (materialised).
        value = target->materialisedColumn();
        plan->valueField = inner->valueField;
        plan->nested = true;
        break;
      }
      case FieldType::Rollup: {
        trail.push_back(lookup.id);
        const auto inner = this->plan(*linked, *target, trail);
        trail.pop_back();
        if (inner->error) return broken("The rollup it looks up is broken: " + *inner->error);
        value = target->materialisedColumn();  // its values are kept there
        if (inner->scalarType) {
          FieldDef rollup = *target;
          rollup.lookup = inner;
          plan->valueField = std::make_shared<const FieldDef>(std::move(rollup));
        } else {  // arrayUnique, arrayCompact: lists, as a lookup's
          plan->valueField = inner->valueField;
          plan->nested = true;
        }
        break;
      }
      case FieldType::Link:
        // Its cells are kept in its column (materialised): lists of
        // [id, title], which the lookup's cell joins into one.
        value = target->materialisedColumn();
        plan->valueField = std::make_shared<const FieldDef>(*target);
        plan->nested = true;
        break;
      case FieldType::CreatedBy:
      case FieldType::LastModifiedBy:
        // Its ids are read with the users' names (readSql), which a
        // rollup's aggregate would not see.
        if (lookup.type == FieldType::Rollup) {
          return broken("A rollup cannot roll up a " + std::string(fieldTypeName(target->type)) +
                        " field yet; a lookup of it shows the users.");
        }
        value = target->indexExpression();  // the user's id
        plan->valueField = std::make_shared<const FieldDef>(*target);
        break;
      case FieldType::SingleLineText:
      case FieldType::LongText:
      case FieldType::Number:
      case FieldType::Checkbox:
      case FieldType::Date:
      case FieldType::SingleSelect:
      case FieldType::MultipleSelect:
      case FieldType::Email:
      case FieldType::Url:
      case FieldType::Rating:
      case FieldType::AutoNumber:
      case FieldType::CreatedTime:
      case FieldType::LastModifiedTime:
        value = target->indexExpression();
        plan->valueField = std::make_shared<const FieldDef>(*target);
        break;
    }
    if (lookup.type == FieldType::Rollup) {
      if (plan->nested) return broken("A rollup cannot roll up a list of lists yet.");
      Rollup rollup =
          rollupSql(*link->link, value, valueKind(*plan->valueField), lookup.options, dialect_);
      if (!rollup.error.empty()) return broken(rollup.error);
      plan->sql = std::move(rollup.sql);
      plan->scalarType = rollup.type;
      return plan;
    }
    plan->sql = lookupSql(*link->link, value, plan->nested, dialect_);
    if (isUser(plan->valueField->type)) {
      if (plan->nested) return broken("A lookup cannot look up a lookup of users yet.");
      plan->readSql = usersSql("t." + lookup.materialisedColumn(), dialect_);
    }
    return plan;
  }

  // Plans every lookup and rollup of `schema`, after those in `trail`.
  void planAll(TableSchema& schema, std::vector<std::string>& trail) {
    std::vector<std::shared_ptr<const LookupPlan>> plans(schema.fields.size());
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
      const FieldType type = schema.fields[i].type;
      if (type == FieldType::Lookup || type == FieldType::Rollup) {
        plans[i] = plan(schema, schema.fields[i], trail);
      }
    }
    for (std::size_t i = 0; i < schema.fields.size(); ++i) schema.fields[i].lookup = plans[i];
  }

 private:
  const TableLoader& load_;
  store::SqlDialect dialect_;
};

}  // namespace

std::optional<FormulaType> valueKind(const FieldDef& field) {
  switch (field.type) {
    case FieldType::Number:
    case FieldType::Rating:
    case FieldType::AutoNumber:
      return FormulaType::Number;
    case FieldType::Date:
    case FieldType::CreatedTime:
    case FieldType::LastModifiedTime:
      return FormulaType::Date;
    case FieldType::Checkbox:
      return FormulaType::Boolean;
    case FieldType::Formula:
      return field.formula->resultType;
    case FieldType::SingleLineText:
    case FieldType::LongText:
    case FieldType::SingleSelect:
    case FieldType::Email:
    case FieldType::Url:
    case FieldType::CreatedBy:
    case FieldType::LastModifiedBy:
      return FormulaType::Text;
    case FieldType::Rollup:
      return field.lookup && !field.lookup->error ? field.lookup->scalarType : std::nullopt;
    case FieldType::MultipleSelect:
    case FieldType::Link:
    case FieldType::Lookup:
      return std::nullopt;
  }
  return std::nullopt;
}

StoredLookup readStoredLookup(const boost::json::object& options) {
  return {textOption(options, "linkFieldId"), textOption(options, "lookupFieldId")};
}

void planLookupFields(TableSchema& schema, const TableLoader& load, store::SqlDialect dialect) {
  std::vector<std::string> trail;
  LookupPlanner(load, dialect).planAll(schema, trail);
}

boost::json::object lookupOptionsJson(const FieldDef& field) {
  const StoredLookup stored = readStoredLookup(field.options);
  boost::json::object options = field.options;
  if (!field.lookup) return options;
  if (field.lookup->scalarType) {
    options["result"] = {{"type", formulaTypeName(*field.lookup->scalarType)}};
  } else if (field.lookup->valueField) {
    options["result"] = {{"type", fieldTypeName(field.lookup->valueField->type)}};
  }
  if (field.lookup->error) options["error"] = *field.lookup->error;
  return options;
}

}  // namespace tessera::features
