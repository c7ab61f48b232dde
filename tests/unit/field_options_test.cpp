#include "features/schema/field_options.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/api_error.h"

namespace tessera::features {
namespace {

boost::json::object options(FieldType type, const char* given) {
  return normalizeOptions(type, boost::json::parse(given));
}

std::string refusal(FieldType type, const char* given) {
  try {
    options(type, given);
  } catch (const http::ApiError& error) {
    EXPECT_EQ(error.code(), "invalid_field");
    return error.what();
  }
  return "accepted";
}

TEST(FieldOptionsTest, EachTypeGetsItsDefaults) {
  EXPECT_EQ(options(FieldType::Number, "null").at("precision").as_int64(), 2);
  EXPECT_EQ(options(FieldType::Rating, "{}").at("max").as_int64(), 5);
  const boost::json::object date = options(FieldType::Date, "null");
  EXPECT_TRUE(date.at("dateOnly").as_bool());
  EXPECT_EQ(date.at("timeZone").as_string(), "UTC");
  EXPECT_TRUE(options(FieldType::SingleSelect, "null").at("choices").as_array().empty());
  EXPECT_TRUE(options(FieldType::Email, "null").empty());
}

TEST(FieldOptionsTest, ValuesOutsideTheirRangeOrOfAnotherTypeAreRefused) {
  EXPECT_NE(refusal(FieldType::Number, R"({"precision":9})").find("0 to 8"), std::string::npos);
  EXPECT_NE(refusal(FieldType::Rating, R"({"max":"5"})").find("1 to 10"), std::string::npos);
  EXPECT_NE(refusal(FieldType::Date, R"({"timeZone":"Mars/Olympus"})").find("IANA"),
            std::string::npos);
  EXPECT_NE(refusal(FieldType::Date, R"({"timeZone":"../../etc/passwd"})"), "accepted");
  EXPECT_NE(refusal(FieldType::Email, R"({"precision":1})").find("does not apply to a email"),
            std::string::npos);
  EXPECT_NE(refusal(FieldType::Number, "[1]"), "accepted");
  EXPECT_EQ(options(FieldType::Date, R"({"timeZone":"Europe/Berlin","dateOnly":false})")
                .at("timeZone")
                .as_string(),
            "Europe/Berlin");
}

TEST(FieldOptionsTest, ChoicesAreUniqueIgnoringCaseAndGetColours) {
  const boost::json::object select =
      options(FieldType::MultipleSelect,
              R"({"choices":[{"name":"Open"},{"name":"Done","color":"green"}]})");
  const auto& choices = select.at("choices").as_array();
  ASSERT_EQ(choices.size(), 2u);
  EXPECT_EQ(choices[0].at("color").as_string(), "blue") << "the palette's first colour";
  EXPECT_EQ(choices[1].at("color").as_string(), "green");
  EXPECT_NE(refusal(FieldType::SingleSelect, R"({"choices":[{"name":"A"},{"name":"a"}]})")
                .find("appears twice"),
            std::string::npos);
  EXPECT_NE(refusal(FieldType::SingleSelect, R"({"choices":[{"name":"A","color":"mauve"}]})"),
            "accepted");
  EXPECT_NE(refusal(FieldType::SingleSelect, R"({"choices":[{"name":""}]})"), "accepted");
}

TEST(FieldOptionsTest, ChoicesAreFoundInTheirOwnSpellingAndAddedWithTheNextColour) {
  boost::json::object select = options(FieldType::SingleSelect, R"({"choices":[{"name":"Open"}]})");
  EXPECT_EQ(findChoice(select, "OPEN"), "Open");
  EXPECT_EQ(findChoice(select, "Closed"), std::nullopt);
  addChoice(select, "Closed");
  EXPECT_EQ(findChoice(select, "closed"), "Closed");
  EXPECT_EQ(select.at("choices").as_array()[1].at("color").as_string(), "cyan");
}

}  // namespace
}  // namespace tessera::features
