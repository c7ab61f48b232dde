// Taking a field out of its table's views before it is deleted (to the
// trash, or for good): out of every view's filter, sort and hidden fields,
// with the sort indexes that used it or a formula that uses it; or out of
// the filters and sorts alone.
#pragma once

#include <string>
#include <vector>

#include "features/schema/table_schema.h"
#include "features/views/view_store.h"
#include "store/database.h"

namespace tessera::features {

enum class Detach {
  Everywhere,          // the field is being deleted
  FiltersAndSortsOnly  // the field changes to or from a type with other operators
};

void detachFromViews(store::Session& session, const TableSchema& schema, const std::string& fieldId,
                     Detach what = Detach::Everywhere);

// The views whose sort uses a field of `fieldIds`.
std::vector<ViewDef> viewsSortedByAny(const std::vector<ViewDef>& views,
                                      const std::vector<std::string>& fieldIds);

}  // namespace tessera::features
