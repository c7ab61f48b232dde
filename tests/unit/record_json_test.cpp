#include "features/records/record_json.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/query/record_query.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

class RecordJsonTest : public ::testing::Test {
 protected:
  RecordJsonTest() {
    schema.fields = {
        {"fldName", "Name", "", FieldType::SingleLineText, {}, true, 1, nullptr, nullptr, nullptr},
        {"fldQty",
         "Qty",
         "",
         FieldType::Number,
         {{"precision", 1}},
         false,
         2,
         nullptr,
         nullptr,
         nullptr},
        {"fldBy", "Author", "", FieldType::CreatedBy, {}, false, 3, nullptr, nullptr, nullptr}};
  }

  // A row as selectRecords reads it: system columns, then one per field.
  store::Row row(store::SqlValue name, store::SqlValue qty) {
    return store::Row({std::string("rec1"), std::int64_t{1}, std::int64_t{0},
                       std::int64_t{86'400'000}, std::string("usr1"), std::string("Ada"),
                       std::string("ada@example.com"), std::string("usr1"), std::string("Ada"),
                       std::string("ada@example.com"), std::int64_t{4}, std::move(name),
                       std::move(qty), std::string("usr1")});
  }

  boost::json::value one(const store::Row& record, ReadOptions options = {}) {
    return boost::json::parse(recordJson(schema, record, options).text);
  }

  TableSchema schema;
};

TEST_F(RecordJsonTest, ARecordShowsItsCellsTimesAuthorAndVersion) {
  const boost::json::value record = one(row(std::string("Bolt"), 2.5));
  EXPECT_EQ(record.at("id").as_string(), "rec1");
  EXPECT_EQ(record.at("fields").at("Name").as_string(), "Bolt");
  EXPECT_EQ(record.at("fields").at("Qty").as_double(), 2.5);
  EXPECT_EQ(record.at("fields").at("Author").at("email").as_string(), "ada@example.com");
  EXPECT_EQ(record.at("createdTime").as_string(), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(record.at("lastModifiedTime").as_string(), "1970-01-02T00:00:00.000Z");
  EXPECT_EQ(record.at("createdBy").as_string(), "usr1");
  EXPECT_EQ(record.at("version").as_int64(), 4);
}

TEST_F(RecordJsonTest, EmptyCellsAreLeftOutAndKeysAndFormatsFollowTheOptions) {
  const boost::json::value empty = one(row(nullptr, nullptr));
  EXPECT_FALSE(empty.at("fields").as_object().contains("Name"));
  EXPECT_FALSE(empty.at("fields").as_object().contains("Qty"));
  ReadOptions byIdAsText;
  byIdAsText.keyById = true;
  byIdAsText.format = CellFormat::Text;
  const boost::json::value text = one(row(std::string("Bolt"), 2.0), byIdAsText);
  EXPECT_EQ(text.at("fields").at("fldQty").as_string(), "2.0");
  EXPECT_EQ(text.at("fields").at("fldBy").as_string(), "Ada");
}

TEST_F(RecordJsonTest, AProjectionOrAViewChoosesTheFieldsShown) {
  EXPECT_EQ(shownFields(schema, {"qty", "fldName"}, nullptr), (std::vector<std::size_t>{1, 0}));
  const boost::json::array hidden = {"fldQty"};
  EXPECT_EQ(shownFields(schema, {}, &hidden), (std::vector<std::size_t>{0, 2}));
  EXPECT_THROW(shownFields(schema, {"Price"}, nullptr), http::ApiError);
  const boost::json::value all =
      boost::json::parse(recordsJson(schema, {row(std::string("a"), nullptr)}, {}).text);
  EXPECT_EQ(all.at("records").as_array().size(), 1u);
}

}  // namespace
}  // namespace tessera::features
