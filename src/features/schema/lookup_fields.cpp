#include "features/schema/lookup_fields.h"

#include <algorithm>
#include <vector>

#include "features/formula/formula_sql.h"
#include "features/schema/formula_fields.h"

namespace tessera::features {
namespace {

// What a lookup or rollup reads in each linked record: `sql`, over the
// linked table's columns; with `elements`, that is a JSON array (a lookup,
// a list rollup or a link cell kept in its column) and each of its
// elements is read in turn, cast to `elementType` on PostgreSQL (where
// empty, kept as jsonb).
struct LinkedValue {
  std::string sql;
  bool elements = false;
  std::string elementType;
};

// " FROM <the records linked through `link`, each as x.v: `value`> WHERE
// <they are the record's>", with the junction's row as p; with elements,
// one row per element, x.k its place and (SQLite) x.vt its JSON type.
// Inside, no column is named `__id`, so the record whose links are read
// is the nearest enclosing scope that has one.
std::string linkedValues(const LinkPlan& link, const LinkedValue& value,
                         store::SqlDialect dialect) {
  std::string source =
      "(SELECT __id AS xid, " + value.sql + " AS v FROM " + link.linkedSqlTable + ")";
  if (value.elements) {
    switch (dialect) {
      case store::SqlDialect::Sqlite:
        source = "(SELECT s.__id AS xid, e.value AS v, e.type AS vt, e.key AS k FROM " +
                 link.linkedSqlTable + " s, json_each(" + value.sql + ") e)";
        break;
      case store::SqlDialect::Postgres: {
        const std::string element =
            value.elementType.empty() ? "e.v" : "CAST(e.v #>> '{}' AS " + value.elementType + ")";
        source = "(SELECT s.__id AS xid, " + element + " AS v, e.n AS k FROM " +
                 link.linkedSqlTable + " s CROSS JOIN LATERAL jsonb_array_elements(CAST(" +
                 value.sql + " AS jsonb)) WITH ORDINALITY AS e(v, n))";
        break;
      }
    }
  }
  return " FROM " + link.junction() + " p JOIN " + source + " x ON x.xid = p." +
         quoteIdentifier(std::string(link.to())) + " WHERE p." +
         quoteIdentifier(std::string(link.from())) + " = __id";
}

// The order of the values: the links', then each array's.
std::string linkOrder(const LinkPlan& link, const LinkedValue& value) {
  return "p." + quoteIdentifier(std::string(link.fromOrder())) + (value.elements ? ", x.k" : "");
}

// The non-empty values `value` takes in the records linked through `link`
// (each element of them, with elements), in link order, as a JSON array.
std::string lookupSql(const LinkPlan& link, const LinkedValue& value, store::SqlDialect dialect) {
  const std::string pairs = linkedValues(link, value, dialect) + " AND x.v IS NOT NULL";
  const std::string order = linkOrder(link, value);
  switch (dialect) {
    case store::SqlDialect::Sqlite: {
      // SQLite keeps a subquery's order for the aggregate over it; an
      // element that is an array (a link's [id, title]) stays one.
      const std::string element =
          value.elements ? "CASE WHEN l.vt = 'array' THEN json(l.v) ELSE l.v END" : "l.v";
      return "(SELECT CASE WHEN COUNT(*) > 0 THEN json_group_array(" + element +
             ") END FROM (SELECT x.v AS v" + (value.elements ? ", x.vt AS vt" : "") + pairs +
             " ORDER BY " + order + ") l)";
    }
    case store::SqlDialect::Postgres:
      return "(SELECT json_agg(x.v ORDER BY " + order + ")::text" + pairs + ")";
  }
  return "NULL";
}

// A rollup's aggregate over `value`, or why it cannot be computed.
struct Rollup {
  std::string sql;
  std::optional<FormulaType> type;  // nullopt: an array, as a lookup's
  std::string error;
};

Rollup rollupSql(const LinkPlan& link, const LinkedValue& value, std::optional<FormulaType> kind,
                 const boost::json::object& options, store::SqlDialect dialect) {
  const FormulaSql words(dialect);
  const std::string function = textOption(options, "function");
  const std::string pairs = linkedValues(link, value, dialect);
  const std::string order = linkOrder(link, value);
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
  if (function == "arrayCompact") return {lookupSql(link, value, dialect), std::nullopt, ""};
  if (function == "arrayUnique") {
    // Each value once, where it first comes.
    const std::string numbered = "(SELECT x.v AS v, ROW_NUMBER() OVER (ORDER BY " + order +
                                 ") AS o" + pairs + " AND x.v IS NOT NULL) r GROUP BY r.v";
    switch (dialect) {
      case store::SqlDialect::Sqlite:
        return {
            "(SELECT CASE WHEN COUNT(*) > 0 THEN json_group_array(u.v) END FROM (SELECT r.v "
            "AS v FROM " +
                numbered + " ORDER BY MIN(r.o)) u)",
            std::nullopt, ""};
      case store::SqlDialect::Postgres:
        return {
            "(SELECT json_agg(u.v ORDER BY u.o)::text FROM (SELECT r.v AS v, MIN(r.o) AS o "
            "FROM " +
                numbered + ") u)",
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

// Sets how a filter reads each value of `list` (a lookup, or a rollup that
// gives a list, whose plan holds its valueField), when they are values a
// filter can compare.
void planEachValue(LookupPlan& plan, const FieldDef& list, store::SqlDialect dialect) {
  const FieldType type = plan.valueField->type;
  if (isUser(type) || type == FieldType::Link || type == FieldType::MultipleSelect) return;
  const std::string bare = list.materialisedColumn();
  const std::string column = "t." + bare;
  const std::string valueType(plan.valueField->valueType());
  const bool text = valueKind(*plan.valueField) == FormulaType::Text;
  const auto first = [&](const std::string& of) {
    if (text) return std::string();
    switch (dialect) {
      case store::SqlDialect::Sqlite:
        return "json_extract(" + of + ", '$[0]')";
      case store::SqlDialect::Postgres:
        return "CAST(CAST(" + of + " AS jsonb) ->> 0 AS " + valueType + ")";
    }
    return std::string();
  };
  plan.firstValue = first(column);
  plan.firstValueBare = first(bare);
  switch (dialect) {
    case store::SqlDialect::Sqlite:
      plan.eachValueFrom = "json_each(" + column + ") e";
      plan.eachValue = "e.value";
      return;
    case store::SqlDialect::Postgres:
      plan.eachValueFrom = "jsonb_array_elements_text(CAST(" + column + " AS jsonb)) AS e(v)";
      plan.eachValue = "CAST(e.v AS " + valueType + ")";
      return;
  }
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
    LinkedValue value;
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
        value.sql = formula->formula->bareSql;
        plan->valueField = std::make_shared<const FieldDef>(*formula);
        break;
      }
      case FieldType::Lookup: {
        trail.push_back(lookup.id);
        const auto inner = this->plan(*linked, *target, trail);
        trail.pop_back();
        if (inner->error) return broken("The lookup it looks up is broken: " + *inner->error);
        // The inner lookup's values are kept in its column (materialised).
        value = {target->materialisedColumn(), true, std::string(inner->valueField->valueType())};
        plan->valueField = inner->valueField;
        break;
      }
      case FieldType::Rollup: {
        trail.push_back(lookup.id);
        const auto inner = this->plan(*linked, *target, trail);
        trail.pop_back();
        if (inner->error) return broken("The rollup it looks up is broken: " + *inner->error);
        value.sql = target->materialisedColumn();  // its values are kept there
        if (inner->scalarType) {
          FieldDef rollup = *target;
          rollup.lookup = inner;
          plan->valueField = std::make_shared<const FieldDef>(std::move(rollup));
        } else {  // arrayUnique, arrayCompact: lists, as a lookup's
          value.elements = true;
          value.elementType = inner->valueField->valueType();
          plan->valueField = inner->valueField;
        }
        break;
      }
      case FieldType::Link:
        // Its cells are kept in its column (materialised): lists of
        // [id, title], which the lookup's cell joins into one (as jsonb on
        // PostgreSQL).
        value = {target->materialisedColumn(), true, ""};
        plan->valueField = std::make_shared<const FieldDef>(*target);
        break;
      case FieldType::CreatedBy:
      case FieldType::LastModifiedBy:
        value.sql = target->indexExpression();  // the user's id
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
        value.sql = target->indexExpression();
        plan->valueField = std::make_shared<const FieldDef>(*target);
        break;
    }
    if (lookup.type == FieldType::Rollup) {
      if (plan->valueField->type == FieldType::Link) {
        return broken("A rollup cannot roll up links; roll up a field of the linked records.");
      }
      if (isUser(plan->valueField->type)) {
        // Its ids are read with the users' names (readSql), which a
        // rollup's aggregate would not see.
        return broken("A rollup cannot roll up users; a lookup of them shows the users.");
      }
      Rollup rollup =
          rollupSql(*link->link, value, valueKind(*plan->valueField), lookup.options, dialect_);
      if (!rollup.error.empty()) return broken(rollup.error);
      plan->sql = std::move(rollup.sql);
      plan->scalarType = rollup.type;
      if (!plan->scalarType) planEachValue(*plan, lookup, dialect_);
      return plan;
    }
    plan->sql = lookupSql(*link->link, value, dialect_);
    if (isUser(plan->valueField->type)) {
      plan->readSql = usersSql("t." + lookup.materialisedColumn(), dialect_);
    }
    planEachValue(*plan, lookup, dialect_);
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
