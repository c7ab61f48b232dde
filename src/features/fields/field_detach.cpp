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

void detachFromViews(store::Session& session, const TableSchema& schema,
                     const std::string& fieldId) {
  const std::vector<ViewDef> before = loadViews(session, schema.id);
  for (ViewDef view : before) {
    forgetField(view.definition, fieldId);
    updateView(session, view);
  }
  for (ViewDef view : loadTrashedViews(session, schema.id)) {
    forgetField(view.definition, fieldId);
    updateViewDefinition(session, view);
  }
  const std::vector<ViewDef> after = loadViews(session, schema.id);
  dropSortIndexes(session, schema, before, after);
  // The formulas that use the field break: their sort indexes go.
  dropSortIndexes(session, schema, viewsSortedByAny(after, formulasUsing(schema, fieldId)), {});
}

}  // namespace tessera::features
