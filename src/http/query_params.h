// Decoded query-string parameters of a request, with strict checks: a
// parameter a route does not know is refused (400 unknown_parameter), so a
// typo never silently returns the wrong data.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessera::http {

class QueryParams {
 public:
  // Throws ApiError 400 for a malformed query string or a parameter not in
  // `allowed` ("name[]" is read as "name").
  QueryParams(std::string_view rawQuery, std::initializer_list<std::string_view> allowed);

  std::optional<std::string> single(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min,
                                      std::int64_t max) const;

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace tessera::http
