#include "features/query/sort_order.h"

namespace tessera::features {

namespace {

// A lookup ordered by its first value (numbers, dates, checkboxes): its
// plan, else null.
const LookupPlan* byFirstValue(const FieldDef& field) {
  const bool first = field.type == FieldType::Lookup && field.lookup && !field.lookup->error &&
                     !field.lookup->firstValue.empty();
  return first ? field.lookup.get() : nullptr;
}

}  // namespace

std::vector<OrderPart> orderParts(const std::vector<SortKey>& sort, OrderFor use) {
  const bool query = use == OrderFor::Query;
  std::vector<OrderPart> parts;
  for (const SortKey& key : sort) {
    const LookupPlan* lookup = byFirstValue(*key.field);
    const std::string value = lookup  ? (query ? lookup->firstValue : lookup->firstValueBare)
                              : query ? key.field->expression()
                                      : key.field->indexExpression();
    parts.push_back({"(CASE WHEN " + value + " IS NULL THEN 1 ELSE 0 END)", false, {}, false});
    // An expression (a formula's, a lookup's first value) is compared as
    // it is; see castsBoundValue.
    parts.push_back({value, key.descending,
                     lookup ? lookup->valueField->valueType() : key.field->valueType(),
                     key.field->type != FieldType::Formula && !lookup});
  }
  parts.push_back({query ? "t.__seq" : "__seq", false, {}, false});
  return parts;
}

bool isIndexable(const SortKey& key) { return !key.field->indexExpression().empty(); }

std::string sortExpressionSignature(const SortKey& key) {
  if (key.field->type == FieldType::Formula) return key.field->indexExpression();
  if (const LookupPlan* lookup = byFirstValue(*key.field)) return lookup->firstValueBare;
  return "";
}

std::string sortSignature(const std::vector<SortKey>& sort) {
  std::string signature;
  for (const SortKey& key : sort) {
    signature += key.field->id + (key.descending ? ":desc," : ":asc,");
  }
  return signature;
}

}  // namespace tessera::features
