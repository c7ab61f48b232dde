#include "features/schema/lookup_fields.h"

#include <algorithm>
#include <vector>

namespace tessera::features {
namespace {

std::string optionText(const boost::json::object& options, std::string_view key) {
  const auto* value = options.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : "";
}

// The non-empty values `value` (SQL over the linked table's columns) takes
// in the records linked through `link`, in link order, as a JSON array.
// Inside, no column is named `__id`, so the record whose links are read is
// the nearest enclosing scope that has one.
std::string lookupSql(const LinkPlan& link, const std::string& value, bool nested,
                      store::SqlDialect dialect) {
  const std::string from = quoteIdentifier(std::string(link.from()));
  const std::string to = quoteIdentifier(std::string(link.to()));
  const std::string order = quoteIdentifier(std::string(link.fromOrder()));
  const std::string pairs = " FROM " + link.junction() + " p JOIN (SELECT __id AS xid, " + value +
                            " AS v FROM " + link.linkedSqlTable + ") x ON x.xid = p." + to +
                            " WHERE p." + from + " = __id AND x.v IS NOT NULL";
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
      case FieldType::Formula:
        if (target->formula->error) return broken("The formula it looks up is broken.");
        value = target->formula->bareSql;
        plan->valueField = std::make_shared<const FieldDef>(*target);
        break;
      case FieldType::Lookup: {
        trail.push_back(lookup.id);
        const auto inner = this->plan(*linked, *target, trail);
        trail.pop_back();
        if (inner->error) return broken("The lookup it looks up is broken: " + *inner->error);
        value = inner->sql;
        plan->valueField = inner->valueField;
        plan->nested = true;
        break;
      }
      case FieldType::Link:
      case FieldType::CreatedBy:
      case FieldType::LastModifiedBy:
        return broken("A lookup cannot look up a " + std::string(fieldTypeName(target->type)) +
                      " field yet.");
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
    plan->sql = lookupSql(*link->link, value, plan->nested, dialect_);
    return plan;
  }

 private:
  const TableLoader& load_;
  store::SqlDialect dialect_;
};

}  // namespace

StoredLookup readStoredLookup(const boost::json::object& options) {
  return {optionText(options, "linkFieldId"), optionText(options, "lookupFieldId")};
}

void planLookupFields(TableSchema& schema, const TableLoader& load, store::SqlDialect dialect) {
  LookupPlanner planner(load, dialect);
  std::vector<std::shared_ptr<const LookupPlan>> plans(schema.fields.size());
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    if (schema.fields[i].type != FieldType::Lookup) continue;
    std::vector<std::string> trail;
    plans[i] = planner.plan(schema, schema.fields[i], trail);
  }
  for (std::size_t i = 0; i < schema.fields.size(); ++i) schema.fields[i].lookup = plans[i];
}

boost::json::object lookupOptionsJson(const FieldDef& field) {
  const StoredLookup stored = readStoredLookup(field.options);
  boost::json::object options{{"linkFieldId", stored.linkFieldId},
                              {"lookupFieldId", stored.lookupFieldId}};
  if (!field.lookup) return options;
  if (field.lookup->valueField) {
    options["result"] = {{"type", fieldTypeName(field.lookup->valueField->type)}};
  }
  if (field.lookup->error) options["error"] = *field.lookup->error;
  return options;
}

}  // namespace tessera::features
