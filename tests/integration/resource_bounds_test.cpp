// Hostile shapes of ordinary requests leave the server's memory bounded:
// a read token sending thousands of distinct filter and sort shapes (each
// its own SQL text) does not grow the server's resident memory.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <cstdlib>

#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

constexpr int kShapes = 20000;
constexpr std::int64_t kAllowedGrowthKiB = 20 * 1024;

// The i-th distinct query string: an `isAnyOf` list of 1..250 values, an
// and/or conjunction with 0..3 more conditions, and one of ten sorts.
std::string shapeQuery(int i) {
  static const char* const kSorts[] = {
      "",
      R"([{"fieldId":"Name"}])",
      R"([{"fieldId":"Name","order":"desc"}])",
      R"([{"fieldId":"N"}])",
      R"([{"fieldId":"N","order":"desc"}])",
      R"([{"fieldId":"Name"},{"fieldId":"N"}])",
      R"([{"fieldId":"N"},{"fieldId":"Name","order":"desc"}])",
      R"([{"fieldId":"N","order":"desc"},{"fieldId":"Name"}])",
      R"([{"fieldId":"Name","order":"desc"},{"fieldId":"N","order":"desc"}])",
      R"([{"fieldId":"Name"},{"fieldId":"N","order":"desc"}])"};
  const int length = 1 + i % 250;
  const int variant = i / 250;
  boost::json::array values;
  for (int v = 0; v < length; ++v) values.emplace_back("v" + std::to_string(v));
  boost::json::array conditions = {
      {{"fieldId", "Name"}, {"operator", "isAnyOf"}, {"value", std::move(values)}}};
  for (int extra = 0; extra < (variant / 2) % 4; ++extra) {
    conditions.push_back({{"fieldId", "N"}, {"operator", "isGreater"}, {"value", extra}});
  }
  const boost::json::object filter = {{"conjunction", variant % 2 ? "or" : "and"},
                                      {"filterSet", std::move(conditions)}};
  std::string query = "?filter=" + urlEncode(boost::json::serialize(filter));
  const std::string sort = kSorts[(variant / 8) % 10];
  if (!sort.empty()) query += "&orderBy=" + urlEncode(sort);
  return query;
}

TEST(ResourceBoundsTest, TwentyThousandFilterShapesLeaveMemoryFlat) {
  // Under a sanitizer (scripts/sanitize.sh) freed memory is held back on
  // purpose (ASan's quarantine), so the server's own growth cannot be seen.
  for (const char* sanitizer : {"ASAN_OPTIONS", "TSAN_OPTIONS"}) {
    if (std::getenv(sanitizer)) GTEST_SKIP() << sanitizer << " is set";
  }
  TestServer server;
  HttpClient client(server.port());
  const Workspace workspace = makeWorkspace(client, "ada@example.com");
  const boost::json::value table = createTable(
      client, workspace,
      {{"name", "T"},
       {"fields",
        {{{"name", "Name"}, {"type", "singleLineText"}}, {{"name", "N"}, {"type", "number"}}}}});
  const std::string tableId(table.at("id").as_string());
  createRecords(client, workspace.owner, tableId, {{{"Name", "v1"}, {"N", 5}}});
  const std::string token(createToken(client, workspace.owner, {"read"}).at("token").as_string());
  const Headers bearer = {{"Authorization", "Bearer " + token}};
  const std::string records = "/api/table/" + tableId + "/record";

  const auto send = [&](int i) {
    const HttpResult result = client.request("GET", records + shapeQuery(i), "", bearer);
    ASSERT_EQ(result.status, 200) << shapeQuery(i) << "\n" << result.body;
  };
  // Warm up: every code path and allocator pool in use once.
  for (int i = 0; i < 1000; ++i) send(i * 7 % kShapes);
  const std::int64_t before = residentKiB(server.pid());
  for (int i = 0; i < kShapes; ++i) send(i);
  const std::int64_t after = residentKiB(server.pid());
  EXPECT_LT(after - before, kAllowedGrowthKiB) << "RSS " << before << " KiB -> " << after << " KiB";
  // The usual request still answers.
  EXPECT_EQ(client.request("GET", records, "", bearer).status, 200);
}

}  // namespace
}  // namespace tessera::testing
