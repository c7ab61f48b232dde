// Fuzzes the record query parsers against a schema with every field type:
// the same input as a filter, as a sort and as search text. Each is
// compiled or refused with a 400, and compiled SQL binds exactly one value
// per placeholder (user text never becomes SQL).
#include <algorithm>

#include "features/query/record_filter.h"
#include "features/query/record_query.h"
#include "fuzz_support.h"
#include "http/json_body.h"

using namespace tessera;

namespace {

void checkBinding(const features::SqlFragment& fragment, std::string_view input) {
  const auto placeholders = std::count(fragment.sql.begin(), fragment.sql.end(), '?');
  if (static_cast<std::size_t>(placeholders) != fragment.params.size()) {
    fuzz::fail("placeholders and bound values differ in: " + fragment.sql, input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::asText(data, size);
  const features::TableSchema& schema = fuzz::everyTypeSchema();
  fuzz::refusalsAllowed(
      [&] {
        const auto json = http::parseJsonText(input, "filter");
        checkBinding(features::compileFilter(schema, json), input);
      },
      input);
  fuzz::refusalsAllowed([&] { features::parseSort(schema, http::parseJsonText(input, "orderBy")); },
                        input);
  fuzz::refusalsAllowed(
      [&] { checkBinding(features::compileSearch(schema, std::string(input)), input); }, input);
  return 0;
}
