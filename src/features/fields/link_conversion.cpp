#include "features/fields/link_conversion.h"

#include <algorithm>
#include <boost/algorithm/string/trim.hpp>
#include <set>
#include <unordered_map>

#include "features/fields/field_conversion.h"
#include "features/schema/link_cell.h"
#include "features/schema/link_fields.h"
#include "features/schema/link_store.h"
#include "features/schema/schema_store.h"
#include "features/schema/user_table_store.h"

namespace tessera::features {
namespace {

constexpr std::int64_t kBatch = 1000;
constexpr std::size_t kMaxUnmatchedShown = 100;

// Calls `onRow` with each row of loadFieldValuesAfter for `field`, in
// creation order, a batch at a time.
template <class OnRow>
void forEachValue(store::Session& session, const TableSchema& table, const FieldDef& field,
                  OnRow&& onRow) {
  std::int64_t after = 0;
  while (true) {
    const store::Rows rows = loadFieldValuesAfter(session, table, field, after, kBatch);
    for (const store::Row& row : rows) {
      after = row.integer(1);
      onRow(row);
    }
    if (static_cast<std::int64_t>(rows.size()) < kBatch) return;
  }
}

// The linked table's records by their title (the first of records whose
// titles repeat).
std::unordered_map<std::string, std::string> recordsByTitle(store::Session& session,
                                                            const TableSchema& linked) {
  std::unordered_map<std::string, std::string> byTitle;
  const FieldDef& title = linked.primaryField();
  forEachValue(session, linked, title, [&](const store::Row& row) {
    const std::string text = boost::algorithm::trim_copy(storedValueText(title, row));
    if (!text.empty()) byTitle.emplace(text, row.text(0));
  });
  return byTitle;
}

}  // namespace

LinkConversion convertToLink(store::Session& session, const TableSchema& table,
                             const FieldDef& from, FieldDef& to) {
  LinkConversion conversion;
  conversion.symmetricField = createLink(session, table, to);
  const std::string linkedTableId = readStoredLink(to.options).linkedTableId;
  const TableSchema linked = requireTableSchema(session, linkedTableId);
  const auto plan =
      planLinkField(to, {linked.id, linked.name, linked.primaryField()}, session.dialect());
  const auto byTitle = recordsByTitle(session, linked);
  std::set<std::string> unmatched;
  forEachValue(session, table, from, [&](const store::Row& row) {
    const std::string text = boost::algorithm::trim_copy(storedValueText(from, row));
    if (text.empty()) return;
    std::vector<std::string> ids;
    bool missed = false;
    if (const auto whole = byTitle.find(text); whole != byTitle.end()) {
      ids.push_back(whole->second);
    } else {
      for (const std::string& part : commaSeparated(text)) {
        const auto found = byTitle.find(part);
        if (found == byTitle.end()) {
          missed = true;
          if (unmatched.size() < kMaxUnmatchedShown) unmatched.insert(part);
        } else if (std::find(ids.begin(), ids.end(), found->second) == ids.end()) {
          ids.push_back(found->second);
        }
      }
    }
    if (plan->singleLink() && ids.size() > 1) {
      ids.resize(1);
      missed = true;
    }
    if (!ids.empty()) {
      replaceLinks(session, *plan, row.text(0), ids);
      ++conversion.converted;
    }
    if (missed) ++conversion.failed;
  });
  conversion.unmatched.assign(unmatched.begin(), unmatched.end());
  dropFieldColumn(session, table.id, from);
  return conversion;
}

std::vector<AffectedField> dropConvertedLink(store::Session& session, const FieldDef& link) {
  const LinkPlan& plan = *link.link;
  std::vector<AffectedField> removed;
  if (!plan.symmetricFieldId.empty()) {
    removed = deleteSymmetricField(session, plan.linkedTableId, plan.symmetricFieldId);
  }
  dropJunction(session, plan.junctionId);
  return removed;
}

}  // namespace tessera::features
