#include "features/schema/link_fields.h"

#include <stdexcept>

namespace tessera::features {
namespace {

// The cell: [[id, title value], ...] in this side's link order, or NULL.
std::string cellSql(const LinkPlan& plan, const FieldDef& title, store::SqlDialect dialect) {
  const std::string from = quoteIdentifier(std::string(plan.from()));
  const std::string to = quoteIdentifier(std::string(plan.to()));
  const std::string order = quoteIdentifier(std::string(plan.fromOrder()));
  const std::string pairs = " FROM " + plan.junction() + " p JOIN " + plan.linkedSqlTable +
                            " x ON x.__id = p." + to + " WHERE p." + from + " = t.__id";
  const std::string titleValue = "x." + title.indexExpression();
  switch (dialect) {
    case store::SqlDialect::Sqlite:
      // SQLite keeps a subquery's order for the aggregate over it.
      return "(SELECT CASE WHEN COUNT(*) > 0 THEN json_group_array(json_array(l.id, l.title))"
             " END FROM (SELECT p." +
             to + " AS id, " + titleValue + " AS title" + pairs + " ORDER BY p." + order + ") l)";
    case store::SqlDialect::Postgres:
      return "(SELECT json_agg(json_build_array(p." + to + ", " + titleValue + ") ORDER BY p." +
             order + ")::text" + pairs + ")";
  }
  return "NULL";
}

}  // namespace

std::string_view relationshipName(LinkRelationship relationship) {
  switch (relationship) {
    case LinkRelationship::ManyMany:
      return "manyMany";
    case LinkRelationship::ManyOne:
      return "manyOne";
    case LinkRelationship::OneMany:
      return "oneMany";
    case LinkRelationship::OneOne:
      return "oneOne";
  }
  return "manyMany";
}

std::optional<LinkRelationship> parseRelationship(std::string_view name) {
  for (const LinkRelationship relationship :
       {LinkRelationship::ManyMany, LinkRelationship::ManyOne, LinkRelationship::OneMany,
        LinkRelationship::OneOne}) {
    if (relationshipName(relationship) == name) return relationship;
  }
  return std::nullopt;
}

LinkRelationship mirrored(LinkRelationship relationship) {
  switch (relationship) {
    case LinkRelationship::ManyOne:
      return LinkRelationship::OneMany;
    case LinkRelationship::OneMany:
      return LinkRelationship::ManyOne;
    case LinkRelationship::ManyMany:
    case LinkRelationship::OneOne:
      return relationship;
  }
  return relationship;
}

StoredLink readStoredLink(const boost::json::object& options) {
  StoredLink link;
  link.linkedTableId = textOption(options, "linkedTableId");
  const auto relationship = parseRelationship(textOption(options, "relationship"));
  if (!relationship || link.linkedTableId.empty()) {
    throw std::logic_error("link field options without a table or relationship");
  }
  link.relationship = *relationship;
  link.symmetricFieldId = textOption(options, "symmetricFieldId");
  link.junctionId = textOption(options, "junctionId");
  const auto* reversed = options.if_contains("reversed");
  link.reversed = reversed && reversed->is_bool() && reversed->as_bool();
  return link;
}

boost::json::object storedLinkOptions(const StoredLink& link) {
  boost::json::object options{{"linkedTableId", link.linkedTableId},
                              {"relationship", relationshipName(link.relationship)},
                              {"junctionId", link.junctionId},
                              {"reversed", link.reversed}};
  if (!link.symmetricFieldId.empty()) options["symmetricFieldId"] = link.symmetricFieldId;
  return options;
}

std::shared_ptr<const LinkPlan> planLinkField(const FieldDef& field, const LinkedTable& linked,
                                              store::SqlDialect dialect) {
  const StoredLink stored = readStoredLink(field.options);
  auto plan = std::make_shared<LinkPlan>();
  plan->linkedTableId = stored.linkedTableId;
  plan->relationship = stored.relationship;
  plan->symmetricFieldId = stored.symmetricFieldId;
  plan->junctionId = stored.junctionId;
  plan->reversed = stored.reversed;
  plan->linkedSqlTable = quoteIdentifier("t_" + stored.linkedTableId);
  plan->linkedTableName = linked.name;
  if (linked.primaryField) {
    plan->titleField = std::make_shared<const FieldDef>(*linked.primaryField);
    plan->sql = cellSql(*plan, *plan->titleField, dialect);
  } else {
    plan->sql = "NULL";
  }
  return plan;
}

boost::json::object linkOptionsJson(const FieldDef& field) {
  const StoredLink stored = readStoredLink(field.options);
  boost::json::object options{{"linkedTableId", stored.linkedTableId},
                              {"relationship", relationshipName(stored.relationship)}};
  options["symmetricFieldId"] = stored.symmetricFieldId.empty()
                                    ? boost::json::value(nullptr)
                                    : boost::json::value(stored.symmetricFieldId);
  if (field.link) options["linkedTableName"] = field.link->linkedTableName;
  return options;
}

}  // namespace tessera::features
