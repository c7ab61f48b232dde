#include "features/query/sort_order.h"

namespace tessera::features {

std::vector<OrderPart> orderParts(const std::vector<SortKey>& sort, OrderFor use) {
  const bool query = use == OrderFor::Query;
  std::vector<OrderPart> parts;
  for (const SortKey& key : sort) {
    const std::string value = query ? key.field->expression() : key.field->indexExpression();
    parts.push_back({"(CASE WHEN " + value + " IS NULL THEN 1 ELSE 0 END)", false, {}, false});
    parts.push_back(
        {value, key.descending, key.field->valueType(), key.field->type != FieldType::Formula});
  }
  parts.push_back({query ? "t.__seq" : "__seq", false, {}, false});
  return parts;
}

bool isIndexable(const SortKey& key) { return !key.field->indexExpression().empty(); }

std::string sortSignature(const std::vector<SortKey>& sort) {
  std::string signature;
  for (const SortKey& key : sort) {
    signature += key.field->id + (key.descending ? ":desc," : ":asc,");
  }
  return signature;
}

}  // namespace tessera::features
