#include "features/fields/field_detach.h"

#include "features/schema/formula_fields.h"
#include "features/views/sort_index_store.h"
#include "features/views/view_definition.h"

namespace tessera::features {

std::vector<ViewDef> viewsSortedByAny(const std::vector<ViewDef>& views,
                                      const std::vector<std::string>& fieldIds) {
  std::vector<ViewDef> sorting;
  for (const std::string& fieldId : fieldIds) {
    for (ViewDef& view : viewsSortedBy(views, fieldId)) sorting.push_back(std::move(view));
  }
  return sorting;
}

void detachFromViews(store::Session& session, const TableSchema& schema, const std::string& fieldId,
                     Detach what) {
  const auto forget = [&](ViewDef& view) {
    switch (what) {
      case Detach::Everywhere:
        forgetField(view.definition, fieldId);
        return;
      case Detach::FiltersAndSortsOnly:
        forgetFilterAndSort(view.definition, fieldId);
        return;
    }
  };
  const std::vector<ViewDef> before = loadViews(session, schema.id);
  for (ViewDef view : before) {
    forget(view);
    updateView(session, view);
  }
  for (ViewDef view : loadTrashedViews(session, schema.id)) {
    forget(view);
    updateViewDefinition(session, view);
  }
  const std::vector<ViewDef> after = loadViews(session, schema.id);
  dropSortIndexes(session, schema, before, after);
  // The formulas that use the field break: their sort indexes go.
  dropSortIndexes(session, schema, viewsSortedByAny(after, formulasUsing(schema, fieldId)), {});
}

}  // namespace tessera::features
