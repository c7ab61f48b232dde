#include "store/string_list.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace tessera::store {

std::string encodeStringList(const std::vector<std::string>& list) {
  boost::json::array array;
  for (const std::string& item : list) array.emplace_back(item);
  return boost::json::serialize(array);
}

std::vector<std::string> decodeStringList(const std::string& text) {
  const boost::json::value parsed = boost::json::parse(text);
  std::vector<std::string> list;
  for (const auto& item : parsed.as_array()) list.emplace_back(item.as_string());
  return list;
}

}  // namespace tessera::store
