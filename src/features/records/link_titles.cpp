#include "features/records/link_titles.h"

#include <algorithm>
#include <boost/algorithm/string/trim.hpp>
#include <optional>

#include "features/schema/cell_codec.h"
#include "features/schema/link_cell.h"
#include "features/schema/link_store.h"

namespace tessera::features {
namespace {

// The first record of the linked table whose primary field holds `title`.
std::optional<std::string> recordTitled(store::Session& session, const LinkPlan& link,
                                        const std::string& title) {
  if (!link.titleField || title.empty()) return std::nullopt;
  FieldDef titleField = *link.titleField;
  bool addsAChoice = false;
  store::SqlValue stored;
  try {
    stored = encodeCell(titleField, boost::json::value(title), true, addsAChoice);
  } catch (const CellError&) {
    return std::nullopt;  // no record's title can hold it
  }
  if (addsAChoice || std::holds_alternative<std::nullptr_t>(stored)) return std::nullopt;
  return firstRecordHolding(session, link.linkedSqlTable, titleField.column(), stored);
}

CellError namesNoRecord(const LinkPlan& link, const std::string& text) {
  std::string shown = text.size() > 60 ? text.substr(0, 57) + "..." : text;
  return CellError("'" + shown + "' is neither the id nor the title (primary field) of a record " +
                   "of table '" + link.linkedTableName + "'");
}

}  // namespace

std::vector<std::string> recordsNamedBy(store::Session& session, const LinkPlan& link,
                                        const std::vector<std::string>& items) {
  const std::vector<std::string> existing = existingRecordIds(session, link.linkedSqlTable, items);
  std::vector<std::string> ids;
  const auto add = [&ids](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const std::string& item : items) {
    if (std::find(existing.begin(), existing.end(), item) != existing.end()) {
      add(item);
      continue;
    }
    const std::string whole = boost::algorithm::trim_copy(item);
    if (const auto titled = recordTitled(session, link, whole)) {
      add(*titled);
      continue;
    }
    const std::vector<std::string> parts = commaSeparated(whole);
    if (parts.size() == 1) throw namesNoRecord(link, whole);
    for (const std::string& part : parts) {
      const auto titled = recordTitled(session, link, part);
      if (!titled) throw namesNoRecord(link, part);
      add(*titled);
    }
  }
  return ids;
}

}  // namespace tessera::features
