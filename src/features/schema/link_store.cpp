#include "features/schema/link_store.h"

#include <algorithm>

#include "store/in_list.h"

namespace tessera::features {
namespace {

std::string junctionTable(const std::string& junctionId) {
  return quoteIdentifier("l_" + junctionId);
}

std::string junctionIndex(const std::string& junctionId, std::string_view suffix) {
  return quoteIdentifier("i_" + junctionId + "_" + std::string(suffix));
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool uniqueOnA(LinkRelationship relationship) {
  return relationship == LinkRelationship::ManyOne || relationship == LinkRelationship::OneOne;
}

bool uniqueOnB(LinkRelationship relationship) {
  return relationship == LinkRelationship::OneMany || relationship == LinkRelationship::OneOne;
}

}  // namespace

void createJunction(store::Session& session, const std::string& junctionId,
                    const std::string& tableA, const std::string& tableB,
                    LinkRelationship relationship) {
  const std::string table = junctionTable(junctionId);
  session.executeScript(
      "CREATE TABLE " + table + " (a TEXT NOT NULL REFERENCES " + quoteIdentifier("t_" + tableA) +
      " (__id) ON DELETE CASCADE, b TEXT NOT NULL REFERENCES " + quoteIdentifier("t_" + tableB) +
      " (__id) ON DELETE CASCADE, a_ord BIGINT NOT NULL, b_ord BIGINT NOT NULL,"
      " PRIMARY KEY (a, b))");
  session.executeScript("CREATE INDEX " + junctionIndex(junctionId, "b") + " ON " + table +
                        " (b, b_ord)");
  setJunctionCardinality(session, junctionId, relationship);
}

void dropJunction(store::Session& session, const std::string& junctionId) {
  session.executeScript("DROP TABLE IF EXISTS " + junctionTable(junctionId));
}

std::optional<CardinalityBreach> findCardinalityBreach(store::Session& session,
                                                       const std::string& junctionId,
                                                       LinkRelationship relationship) {
  for (const bool sideA : {true, false}) {
    if (!(sideA ? uniqueOnA(relationship) : uniqueOnB(relationship))) continue;
    const std::string column = sideA ? "a" : "b";
    const store::Rows rows =
        session.query("SELECT " + column + " FROM " + junctionTable(junctionId) + " GROUP BY " +
                      column + " HAVING COUNT(*) > 1 ORDER BY " + column + " LIMIT 1");
    if (!rows.empty()) return CardinalityBreach{rows[0].text(0), sideA};
  }
  return std::nullopt;
}

void setJunctionCardinality(store::Session& session, const std::string& junctionId,
                            LinkRelationship relationship) {
  for (const bool sideA : {true, false}) {
    const std::string index = junctionIndex(junctionId, sideA ? "one_a" : "one_b");
    session.executeScript("DROP INDEX IF EXISTS " + index);
    if (sideA ? uniqueOnA(relationship) : uniqueOnB(relationship)) {
      session.executeScript("CREATE UNIQUE INDEX " + index + " ON " + junctionTable(junctionId) +
                            (sideA ? " (a)" : " (b)"));
    }
  }
}

std::vector<std::string> existingRecordIds(store::Session& session, const std::string& sqlTable,
                                           const std::vector<std::string>& ids) {
  std::vector<std::string> existing;
  if (ids.empty()) return existing;
  std::vector<store::SqlValue> params;
  const std::string list = store::inList(ids, params);
  for (const store::Row& row :
       session.query("SELECT __id FROM " + sqlTable + " WHERE __id IN " + list, params)) {
    existing.push_back(row.text(0));
  }
  return existing;
}

std::optional<std::string> firstRecordHolding(store::Session& session, const std::string& sqlTable,
                                              const std::string& column,
                                              const store::SqlValue& value) {
  const store::Rows rows = session.query(
      "SELECT __id FROM " + sqlTable + " WHERE " + column + " = ? ORDER BY __seq LIMIT 1", {value});
  if (rows.empty()) return std::nullopt;
  return rows.front().text(0);
}

LinkChange replaceLinks(store::Session& session, const LinkPlan& plan, const std::string& recordId,
                        const std::vector<std::string>& ids) {
  const std::string junction = plan.junction();
  const std::string from(plan.from()), to(plan.to());
  const std::string fromOrder(plan.fromOrder()), toOrder(plan.toOrder());
  LinkChange change;

  std::vector<std::string> current;
  std::vector<std::int64_t> currentOrder;
  for (const store::Row& row :
       session.query("SELECT " + to + ", " + fromOrder + " FROM " + junction + " WHERE " + from +
                         " = ? ORDER BY " + fromOrder,
                     {recordId})) {
    current.push_back(row.text(0));
    currentOrder.push_back(row.integer(1));
  }
  std::vector<std::string> removed, added;
  for (const std::string& id : current) {
    if (!contains(ids, id)) removed.push_back(id);
  }
  for (const std::string& id : ids) {
    if (!contains(current, id)) added.push_back(id);
  }
  if (!removed.empty()) {
    std::vector<store::SqlValue> params = {recordId};
    const std::string list = store::inList(removed, params);
    session.execute("DELETE FROM " + junction + " WHERE " + from + " = ? AND " + to + " IN " + list,
                    params);
  }
  if (plan.exclusiveTargets() && !added.empty()) {
    std::vector<store::SqlValue> params = {recordId};
    const std::string list = store::inList(added, params);
    for (const store::Row& row :
         session.query("DELETE FROM " + junction + " WHERE " + from + " <> ? AND " + to + " IN " +
                           list + " RETURNING " + from,
                       params)) {
      if (!contains(change.movedFrom, row.text(0))) change.movedFrom.push_back(row.text(0));
    }
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto position = static_cast<std::int64_t>(i + 1);
    const auto kept = std::find(current.begin(), current.end(), ids[i]);
    if (kept == current.end()) {
      session.execute("INSERT INTO " + junction + " (" + from + ", " + to + ", " + fromOrder +
                          ", " + toOrder + ") VALUES (?, ?, ?, (SELECT COALESCE(MAX(" + toOrder +
                          "), 0) + 1 FROM " + junction + " WHERE " + to + " = ?))",
                      {recordId, ids[i], position, ids[i]});
    } else if (currentOrder[static_cast<std::size_t>(kept - current.begin())] != position) {
      session.execute("UPDATE " + junction + " SET " + fromOrder + " = ? WHERE " + from +
                          " = ? AND " + to + " = ?",
                      {position, recordId, ids[i]});
    }
  }
  change.linkedRecords = removed;
  change.linkedRecords.insert(change.linkedRecords.end(), added.begin(), added.end());
  return change;
}

void touchRecords(store::Session& session, const std::string& sqlTable,
                  const std::vector<std::string>& ids, const std::string& userId, UnixMillis at) {
  if (ids.empty()) return;
  std::vector<store::SqlValue> params = {at, userId};
  const std::string list = store::inList(ids, params);
  session.execute("UPDATE " + sqlTable +
                      " SET __updated_at = ?, __updated_by = ?, __version = __version + 1"
                      " WHERE __id IN " +
                      list,
                  params);
}

std::vector<std::string> recordsLinkedTo(store::Session& session, const LinkPlan& plan,
                                         const std::optional<std::vector<std::string>>& ids) {
  const std::string from = quoteIdentifier(std::string(plan.from()));
  std::string sql = "SELECT DISTINCT " + from + " FROM " + plan.junction();
  std::vector<store::SqlValue> params;
  if (ids) {
    if (ids->empty()) return {};
    sql +=
        " WHERE " + quoteIdentifier(std::string(plan.to())) + " IN " + store::inList(*ids, params);
  }
  std::vector<std::string> linked;
  for (const store::Row& row : session.query(sql, params)) linked.push_back(row.text(0));
  return linked;
}

}  // namespace tessera::features
