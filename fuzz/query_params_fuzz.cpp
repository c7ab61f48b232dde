// Fuzzes the query-string decoder: any query string is read or refused
// with a 400, and an integer parameter is never outside its bounds.
#include "fuzz_support.h"
#include "http/query_params.h"

using namespace tessera;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::asText(data, size);
  fuzz::refusalsAllowed(
      [&] {
        const http::QueryParams params(
            input, {"take", "skip", "cursor", "filter", "orderBy", "fields", "search", "view"});
        for (const char* name : {"take", "skip", "cursor", "filter", "orderBy", "fields"}) {
          params.single(name);
          params.all(name);
        }
        const auto take = params.integer("take", 1, 1000);
        if (take && (*take < 1 || *take > 1000)) fuzz::fail("take out of bounds", input);
      },
      input);
  return 0;
}
