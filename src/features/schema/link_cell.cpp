#include "features/schema/link_cell.h"

#include <algorithm>
#include <boost/algorithm/string/trim.hpp>
#include <boost/json/serialize.hpp>

#include "features/schema/cell_codec.h"

namespace tessera::features {
namespace {

std::string idOf(const boost::json::value& item) {
  const boost::json::value* id = &item;
  if (const auto* object = item.if_object()) {
    id = object->if_contains("id");
    if (!id) throw CellError("a linked record {\"id\": ...} has no 'id'");
  }
  if (!id->is_string() || id->as_string().empty()) {
    std::string text = boost::json::serialize(item);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    throw CellError("expected record ids such as \"rec...\", got " + text);
  }
  return std::string(id->as_string());
}

}  // namespace

std::vector<std::string> parseLinkIds(const boost::json::value& value, bool typecast) {
  std::vector<std::string> ids;
  if (value.is_null()) return ids;
  if (typecast && value.is_string()) return {idOf(value)};
  if (!value.is_array()) {
    throw CellError("expected an array of record ids, e.g. [\"rec...\"]");
  }
  if (value.as_array().size() > kMaxLinksPerCell) {
    throw CellError("a cell links to at most " + std::to_string(kMaxLinksPerCell) + " records");
  }
  for (const auto& item : value.as_array()) {
    std::string id = idOf(item);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  return ids;
}

std::vector<std::string> commaSeparated(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    std::string part = boost::algorithm::trim_copy(text.substr(from, comma - from));
    if (!part.empty()) parts.push_back(std::move(part));
    from = comma + 1;
  }
  return parts;
}

}  // namespace tessera::features
