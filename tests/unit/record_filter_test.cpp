#include "features/query/record_filter.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/schema/field_options.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

FieldDef field(std::string id, std::string name, FieldType type, const char* options = "null") {
  FieldDef def;
  def.id = std::move(id);
  def.name = std::move(name);
  def.type = type;
  def.options = normalizeOptions(type, boost::json::parse(options));
  return def;
}

class RecordFilterTest : public ::testing::Test {
 protected:
  RecordFilterTest() {
    schema.id = "tblT";
    schema.fields = {field("fldName", "Name", FieldType::SingleLineText),
                     field("fldQty", "Qty", FieldType::Number),
                     field("fldDone", "Done", FieldType::Checkbox),
                     field("fldDay", "Day", FieldType::Date),
                     field("fldTag", "Tag", FieldType::SingleSelect,
                           R"({"choices":[{"name":"Red"},{"name":"Blue"}]})")};
    schema.fields[0].isPrimary = true;
  }

  SqlFragment compile(const char* filter) {
    return compileFilter(schema, boost::json::parse(filter));
  }

  // The code and message of the refusal of `filter`.
  std::string refusal(const char* filter) {
    try {
      compile(filter);
    } catch (const http::ApiError& error) {
      EXPECT_EQ(error.status(), 400);
      EXPECT_EQ(error.code(), "invalid_filter");
      return error.what();
    }
    ADD_FAILURE() << "accepted: " << filter;
    return "";
  }

  TableSchema schema;
};

TEST_F(RecordFilterTest, NoFilterMatchesEveryRecord) {
  const SqlFragment all = compileFilter(schema, nullptr);
  EXPECT_EQ(all.sql, "1 = 1");
  EXPECT_TRUE(all.params.empty());
}

TEST_F(RecordFilterTest, ConditionsBindTheirValuesAndJoinByTheConjunction) {
  const SqlFragment where = compile(R"({"conjunction":"or","filterSet":[
      {"fieldId":"fldName","operator":"is","value":"Ada"},
      {"fieldId":"Qty","operator":"isGreater","value":3}]})");
  EXPECT_EQ(where.sql, R"(((t."f_fldName" = ?) OR (t."f_fldQty" > ?)))");
  ASSERT_EQ(where.params.size(), 2u);
  EXPECT_EQ(std::get<std::string>(where.params[0]), "Ada");
  EXPECT_EQ(std::get<double>(where.params[1]), 3.0);
}

TEST_F(RecordFilterTest, UserTextNeverBecomesSql) {
  const SqlFragment where = compile(R"({"filterSet":[
      {"fieldId":"fldName","operator":"contains","value":"x' OR 1=1 --%_"}]})");
  EXPECT_EQ(where.sql.find("OR 1=1"), std::string::npos) << where.sql;
  ASSERT_EQ(where.params.size(), 1u);
  EXPECT_EQ(std::get<std::string>(where.params[0]), "%x' OR 1=1 --\\%\\_%")
      << "LIKE wildcards in the value are escaped";
}

TEST_F(RecordFilterTest, AWholeDayIsAHalfOpenRange) {
  const SqlFragment where =
      compile(R"({"filterSet":[{"fieldId":"fldDay","operator":"is","value":"2026-11-27"}]})");
  EXPECT_EQ(where.sql, R"(((t."f_fldDay" >= ? AND t."f_fldDay" < ?)))");
  ASSERT_EQ(where.params.size(), 2u);
  EXPECT_EQ(std::get<std::int64_t>(where.params[1]) - std::get<std::int64_t>(where.params[0]),
            86'400'000);
}

TEST_F(RecordFilterTest, SelectValuesMustBeChoicesAndMatchTheirSpelling) {
  const SqlFragment where = compile(
      R"({"filterSet":[{"fieldId":"fldTag","operator":"isAnyOf","value":["red","Blue"]}]})");
  ASSERT_EQ(where.params.size(), 2u);
  EXPECT_EQ(std::get<std::string>(where.params[0]), "Red");
  EXPECT_NE(refusal(R"({"filterSet":[{"fieldId":"fldTag","operator":"is","value":"Green"}]})"), "");
}

TEST_F(RecordFilterTest, MistakesAreRefusedNamingWhatIsWrong) {
  EXPECT_NE(refusal(R"({"filterSet":[{"fieldId":"fldNone","operator":"is","value":1}]})")
                .find("no field 'fldNone'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"filterSet":[{"fieldId":"fldDone","operator":"contains","value":"x"}]})")
                .find("does not apply to checkbox field 'Done'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"filterSet":[{"fieldId":"fldName","operator":"is"}],"extra":1})")
                .find("unknown key 'extra'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"filterSet":[{"fieldId":"fldQty","operator":"is","value":"many"}]})"), "");
  EXPECT_NE(refusal(R"([1, 2])"), "");
}

TEST_F(RecordFilterTest, DepthAndSizeAreBounded) {
  std::string deep = R"({"fieldId":"fldQty","operator":"is","value":1})";
  for (int i = 0; i <= kMaxFilterDepth + 1; ++i) deep = R"({"filterSet":[)" + deep + "]}";
  EXPECT_NE(refusal(deep.c_str()), "");
  std::string wide = R"({"filterSet":[)";
  for (std::size_t i = 0; i <= kMaxFilterConditions; ++i) {
    wide += std::string(i ? "," : "") + R"({"fieldId":"fldQty","operator":"is","value":1})";
  }
  wide += "]}";
  EXPECT_NE(refusal(wide.c_str()).find("conditions"), std::string::npos);
}

TEST_F(RecordFilterTest, SearchLooksInTextualFieldsOnly) {
  const SqlFragment where = compileSearch(schema, "ada");
  EXPECT_NE(where.sql.find("f_fldName"), std::string::npos) << where.sql;
  EXPECT_EQ(where.sql.find("f_fldQty"), std::string::npos) << where.sql;
  EXPECT_FALSE(where.params.empty());
}

}  // namespace
}  // namespace tessera::features
