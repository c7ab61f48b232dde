#include "features/query/sort_order.h"

namespace tessera::features {

std::vector<OrderPart> orderParts(const std::vector<SortKey>& sort, std::string_view qualifier) {
  std::vector<OrderPart> parts;
  for (const SortKey& key : sort) {
    const std::string value = std::string(qualifier) + key.field->valueColumn();
    parts.push_back({"(CASE WHEN " + value + " IS NULL THEN 1 ELSE 0 END)", false, {}});
    parts.push_back({value, key.descending, key.field->valueType()});
  }
  parts.push_back({std::string(qualifier) + "__seq", false, {}});
  return parts;
}

std::string sortSignature(const std::vector<SortKey>& sort) {
  std::string signature;
  for (const SortKey& key : sort) {
    signature += key.field->id + (key.descending ? ":desc," : ":asc,");
  }
  return signature;
}

}  // namespace tessera::features
