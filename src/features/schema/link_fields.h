// Link fields: their options as stored and as the API shows them, the
// relationship names, and the plan (LinkPlan in table_schema.h) each link
// field gets when its table's schema is loaded: where its pairs are and
// the SQL of its cell.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

std::string_view relationshipName(LinkRelationship relationship);
std::optional<LinkRelationship> parseRelationship(std::string_view name);
// The relationship seen from the other table: manyOne <-> oneMany.
LinkRelationship mirrored(LinkRelationship relationship);

// The stored options of a link field, read back. REQUIRES: options written
// by the field service (storedLinkOptions).
struct StoredLink {
  std::string linkedTableId;
  LinkRelationship relationship = LinkRelationship::ManyMany;
  std::string symmetricFieldId;  // empty for a one-way link
  std::string junctionId;
  bool reversed = false;
};
StoredLink readStoredLink(const boost::json::object& options);
boost::json::object storedLinkOptions(const StoredLink& link);

// The table a link field links to, as its plan needs it.
struct LinkedTable {
  std::string id;
  std::string name;
  std::optional<FieldDef> primaryField;  // nullopt when the table is gone
};

// The plan of link field `field` to `linked`, in `dialect`.
std::shared_ptr<const LinkPlan> planLinkField(const FieldDef& field, const LinkedTable& linked,
                                              store::SqlDialect dialect);

// {"linkedTableId", "linkedTableName" (once planned), "relationship",
// "symmetricFieldId" (null when one-way)}.
boost::json::object linkOptionsJson(const FieldDef& field);

}  // namespace tessera::features
