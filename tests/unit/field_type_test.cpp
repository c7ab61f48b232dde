#include "features/schema/field_type.h"

#include <gtest/gtest.h>

#include <set>

namespace tessera::features {
namespace {

TEST(FieldTypeTest, EveryTypeHasOneNameThatParsesBackToIt) {
  std::set<std::string_view> names;
  for (FieldType type : kAllFieldTypes) {
    const std::string_view name = fieldTypeName(type);
    EXPECT_NE(name, "unknown");
    EXPECT_TRUE(names.insert(name).second) << name << " is used twice";
    EXPECT_EQ(parseFieldType(name), type) << name;
  }
  EXPECT_EQ(parseFieldType("SingleLineText"), std::nullopt) << "names are case-sensitive";
  EXPECT_EQ(parseFieldType("barcode"), std::nullopt);
}

TEST(FieldTypeTest, TheListOfNamesNamesEveryTypeInOrder) {
  std::string expected;
  for (FieldType type : kAllFieldTypes) {
    expected += (expected.empty() ? "" : ", ") + std::string(fieldTypeName(type));
  }
  EXPECT_EQ(allFieldTypeNames(), expected);
  EXPECT_TRUE(allFieldTypeNames().starts_with("singleLineText, longText, number"));
}

TEST(FieldTypeTest, ComputedTypesReadASystemColumnOrAFormulaAndStoredTypesHaveASqlType) {
  for (FieldType type : kAllFieldTypes) {
    if (type == FieldType::Formula || type == FieldType::Lookup || type == FieldType::Rollup) {
      EXPECT_TRUE(isComputed(type));
      EXPECT_FALSE(hasColumn(type));
      EXPECT_EQ(systemColumn(type), "") << "it reads the columns it names, or other tables";
    } else if (type == FieldType::Link) {
      EXPECT_FALSE(isComputed(type)) << "links are written by clients";
      EXPECT_FALSE(hasColumn(type)) << "their pairs are rows of a junction table";
      EXPECT_EQ(systemColumn(type), "");
    } else if (isComputed(type)) {
      EXPECT_FALSE(hasColumn(type));
      EXPECT_TRUE(systemColumn(type).starts_with("__")) << fieldTypeName(type);
    } else {
      EXPECT_EQ(systemColumn(type), "") << fieldTypeName(type);
      EXPECT_TRUE(hasColumn(type)) << fieldTypeName(type);
      EXPECT_FALSE(sqlColumnType(type).empty()) << fieldTypeName(type);
    }
  }
  EXPECT_EQ(systemColumn(FieldType::AutoNumber), "__seq");
  EXPECT_EQ(sqlColumnType(FieldType::Number), "DOUBLE PRECISION");
  EXPECT_EQ(sqlColumnType(FieldType::Date), "BIGINT");
  EXPECT_EQ(sqlColumnType(FieldType::Email), "TEXT");
}

TEST(FieldTypeTest, TextualTypesAreTheOnesSearchReads) {
  EXPECT_TRUE(isTextual(FieldType::SingleLineText));
  EXPECT_TRUE(isTextual(FieldType::MultipleSelect));
  EXPECT_TRUE(isTextual(FieldType::Url));
  EXPECT_FALSE(isTextual(FieldType::Number));
  EXPECT_FALSE(isTextual(FieldType::CreatedBy));
}

}  // namespace
}  // namespace tessera::features
