#include "features/records/record_input.h"

#include <gtest/gtest.h>

#include "input_test_support.h"

namespace tessera::features {
namespace {

using testing::refusalOf;

boost::json::value parse(const char* text) { return boost::json::parse(text); }

TEST(RecordInputTest, NewRecordsKeepTheirFieldsAndTheOptions) {
  const RecordsInput input = newRecordsFromBody(
      parse(R"({"records":[{"fields":{"Name":"Ada"}},{}],"fieldKeyType":"id","typecast":true})"));
  EXPECT_TRUE(input.options.keyById);
  EXPECT_TRUE(input.options.typecast);
  ASSERT_EQ(input.records.size(), 2u);
  EXPECT_EQ(input.records[0].where, "records[0]");
  EXPECT_EQ(input.records[0].fields.at("Name").as_string(), "Ada");
  EXPECT_TRUE(input.records[1].fields.empty()) << "no fields: an empty record";
}

TEST(RecordInputTest, ChangesNeedIdsAndMayCarryAVersion) {
  const RecordsInput input =
      recordChangesFromBody(parse(R"({"records":[{"id":"rec1","fields":{"Qty":2},"version":3}]})"));
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].id, "rec1");
  EXPECT_EQ(input.records[0].version, 3);
  EXPECT_EQ(refusalOf(recordChangesFromBody, R"({"records":[{"fields":{}}]})"),
            "missing_field records[0] needs an 'id'.");
  EXPECT_EQ(refusalOf(recordChangesFromBody, R"({"records":[{"id":"r","version":"3"}]})"),
            "invalid_field records[0]: 'version' must be an integer.");
}

TEST(RecordInputTest, OneChangeIsReadAsTheRecord) {
  const RecordsInput input = recordChangeFromBody(parse(R"({"fields":{"A":1},"version":7})"));
  ASSERT_EQ(input.records.size(), 1u);
  EXPECT_EQ(input.records[0].where, "the record");
  EXPECT_EQ(input.records[0].version, 7);
  EXPECT_EQ(refusalOf(recordChangeFromBody, R"({"fields":[1]})"),
            "invalid_field the record: 'fields' must be an object.");
  EXPECT_TRUE(refusalOf(recordChangeFromBody, R"({"id":"rec1"})").starts_with("unknown_field"));
}

TEST(RecordInputTest, BatchesAreBoundedAndItemsChecked) {
  EXPECT_TRUE(refusalOf(newRecordsFromBody, R"({"records":[]})").starts_with("missing_field"));
  EXPECT_TRUE(refusalOf(newRecordsFromBody, "{}").starts_with("missing_field"));
  EXPECT_TRUE(refusalOf(newRecordsFromBody, R"({"fields":{}})").starts_with("unknown_field"));
  EXPECT_EQ(refusalOf(newRecordsFromBody, R"({"records":[{"id":"rec1"}]})"),
            "unknown_field records[0]: unknown key 'id'.");
  EXPECT_EQ(refusalOf(newRecordsFromBody, R"({"records":[7]})"),
            "invalid_field records[0] must be an object.");
  EXPECT_TRUE(refusalOf(newRecordsFromBody, R"({"records":[{}],"typecast":"yes"})")
                  .starts_with("invalid_field"));
  EXPECT_TRUE(refusalOf(newRecordsFromBody, R"({"records":[{}],"fieldKeyType":"label"})")
                  .starts_with("invalid_field"));
  std::string many = R"({"records":[)";
  for (std::size_t i = 0; i <= kMaxRecordsPerRequest; ++i) many += i ? ",{}" : "{}";
  many += "]}";
  EXPECT_TRUE(refusalOf(newRecordsFromBody, many.c_str()).starts_with("too_many_records"));
}

}  // namespace
}  // namespace tessera::features
