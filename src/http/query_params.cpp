#include "http/query_params.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "http/api_error.h"

namespace tessera::http {

QueryParams::QueryParams(std::string_view rawQuery,
                         std::initializer_list<std::string_view> allowed) {
  if (rawQuery.empty()) return;
  const std::string target = "/?" + std::string(rawQuery);
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) throw badRequest("invalid_parameter", "The query string is not valid.");
  for (const auto& param : parsed->params()) {
    std::string key = param.key;
    if (key.size() > 2 && key.ends_with("[]")) key.resize(key.size() - 2);
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (!known) {
      std::string list;
      for (std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
      throw badRequest("unknown_parameter",
                       "Unknown query parameter '" + key + "'. Accepted here: " + list + ".");
    }
    params_.emplace_back(std::move(key), param.has_value ? std::string(param.value) : "");
  }
}

std::optional<std::string> QueryParams::single(std::string_view name) const {
  std::optional<std::string> found;
  for (const auto& [key, value] : params_) {
    if (key != name) continue;
    if (found) {
      throw badRequest("invalid_parameter",
                       "Query parameter '" + std::string(name) + "' is given more than once.");
    }
    found = value;
  }
  return found;
}

std::vector<std::string> QueryParams::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : params_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::optional<std::int64_t> QueryParams::integer(std::string_view name, std::int64_t min,
                                                 std::int64_t max) const {
  const auto text = single(name);
  if (!text) return std::nullopt;
  std::size_t used = 0;
  std::int64_t number = 0;
  try {
    number = std::stoll(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || number < min || number > max) {
    throw badRequest("invalid_parameter", "Query parameter '" + std::string(name) +
                                              "' must be an integer from " + std::to_string(min) +
                                              " to " + std::to_string(max) + ".");
  }
  return number;
}

}  // namespace tessera::http
