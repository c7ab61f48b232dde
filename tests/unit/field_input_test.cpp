#include "features/fields/field_input.h"

#include <gtest/gtest.h>

#include "input_test_support.h"

namespace tessera::features {
namespace {

using testing::refusalOf;

FieldDef definition(const char* body) { return fieldFromJson(boost::json::parse(body), ""); }

TEST(FieldInputTest, ADefinitionGetsItsTypeAndNormalisedOptions) {
  const FieldDef field = definition(R"({"name":"Qty","type":"number","options":{"precision":2}})");
  EXPECT_EQ(field.name, "Qty");
  EXPECT_EQ(field.type, FieldType::Number);
  EXPECT_EQ(field.options.at("precision").as_int64(), 2);
  EXPECT_TRUE(field.id.empty()) << "the id is assigned when it is inserted";
}

TEST(FieldInputTest, AnUnknownTypeIsRefusedListingTheTypes) {
  const std::string refusal =
      refusalOf([](const boost::json::value& body) { return fieldFromJson(body, "fields[2]."); },
                R"({"name":"L","type":"barcode"})");
  EXPECT_TRUE(refusal.starts_with("invalid_field Field 'fields[2].type' must be one of "))
      << refusal;
  EXPECT_NE(refusal.find(allFieldTypeNames()), std::string::npos);
}

TEST(FieldInputTest, TheFirstFieldsOfATableStartWithAPrimaryField) {
  const std::vector<FieldDef> plain = initialFieldsFromBody(nullptr);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].name, "Name");
  EXPECT_TRUE(plain[0].isPrimary);

  const std::vector<FieldDef> given = initialFieldsFromBody(
      boost::json::parse(R"([{"name":"Title","type":"longText"},{"name":"N","type":"rating"}])"));
  ASSERT_EQ(given.size(), 2u);
  EXPECT_TRUE(given[0].isPrimary);
  EXPECT_FALSE(given[1].isPrimary);
  EXPECT_EQ(given[1].position, 2);

  EXPECT_TRUE(refusalOf(initialFieldsFromBody, "[]").starts_with("invalid_field"));
  EXPECT_NE(refusalOf(initialFieldsFromBody, R"([{"name":"Made","type":"createdTime"}])")
                .find("cannot be computed"),
            std::string::npos);
  EXPECT_NE(
      refusalOf(initialFieldsFromBody, R"([{"name":"A","type":"nope"}])").find("'fields[0].type'"),
      std::string::npos);
}

TEST(FieldInputTest, ChangesNameTheirTypeWhenGiven) {
  const FieldChangesInput retype =
      fieldChangesFromBody(boost::json::parse(R"({"type":"email","options":null})"));
  EXPECT_EQ(retype.type, FieldType::Email);
  EXPECT_TRUE(retype.options);
  EXPECT_FALSE(retype.name);
  const FieldChangesInput rename = fieldChangesFromBody(boost::json::parse(R"({"name":"B"})"));
  EXPECT_FALSE(rename.type);
  EXPECT_FALSE(rename.options);
  EXPECT_TRUE(
      refusalOf(fieldChangesFromBody, R"({"type":"barcode"})").starts_with("invalid_field"));
  EXPECT_TRUE(
      refusalOf(fieldChangesFromBody, R"({"isPrimary":true})").starts_with("unknown_field"));
}

}  // namespace
}  // namespace tessera::features
