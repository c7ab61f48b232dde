// Junction tables of link fields (l_<junctionId>, see LinkPlan in
// table_schema.h): creating and dropping them, the unique indexes that
// make a relationship one-sided, and the pairs themselves. Every
// statement on a junction is here; values are bound parameters.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "store/database.h"

namespace tessera::features {

// Creates l_<junctionId> with `a` referencing the records of `tableA` and
// `b` those of `tableB` (deleting a record deletes its pairs), indexed
// both ways, and with the unique indexes `relationship` (seen from `a`)
// needs.
void createJunction(store::Session& session, const std::string& junctionId,
                    const std::string& tableA, const std::string& tableB,
                    LinkRelationship relationship);
void dropJunction(store::Session& session, const std::string& junctionId);

// A record that already links to more than one record where
// `relationship` (seen from `a`) allows one: (record id, on side "a" or
// "b"); nullopt when the pairs fit it.
struct CardinalityBreach {
  std::string recordId;
  bool onSideA = true;
};
std::optional<CardinalityBreach> findCardinalityBreach(store::Session& session,
                                                       const std::string& junctionId,
                                                       LinkRelationship relationship);
// Sets the unique indexes to those `relationship` needs.
// REQUIRES: !findCardinalityBreach(...).
void setJunctionCardinality(store::Session& session, const std::string& junctionId,
                            LinkRelationship relationship);

// The ids among `ids` that are records of the physical table `sqlTable`.
std::vector<std::string> existingRecordIds(store::Session& session, const std::string& sqlTable,
                                           const std::vector<std::string>& ids);

// The first record, in creation order, of the physical table `sqlTable`
// whose stored `column` (quoted) equals `value`; nullopt when none does.
std::optional<std::string> firstRecordHolding(store::Session& session, const std::string& sqlTable,
                                              const std::string& column,
                                              const store::SqlValue& value);

// Whose cells a change of links changed, besides the record written.
struct LinkChange {
  std::vector<std::string> linkedRecords;  // of the linked table: linked or unlinked
  std::vector<std::string> movedFrom;      // of this table: lost a record to it
};
// Makes `ids` (existing records of the linked table, without repeats, at
// most one when plan.singleLink()) the links of `recordId` through `plan`,
// in that order. Links kept keep their place on the linked records' side;
// new ones come last there. With plan.exclusiveTargets(), a record linked
// elsewhere is moved here.
LinkChange replaceLinks(store::Session& session, const LinkPlan& plan, const std::string& recordId,
                        const std::vector<std::string>& ids);

// Advances the version and last modification of the records `ids` of the
// physical table `sqlTable`, whose link cells changed.
void touchRecords(store::Session& session, const std::string& sqlTable,
                  const std::vector<std::string>& ids, const std::string& userId, UnixMillis at);

// The records of `plan`'s own table linked through it to any of `ids`
// (records of the linked table); with nullopt, to any record.
std::vector<std::string> recordsLinkedTo(store::Session& session, const LinkPlan& plan,
                                         const std::optional<std::vector<std::string>>& ids);

}  // namespace tessera::features
