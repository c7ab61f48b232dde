#include "features/schema/table_schema.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tessera::features {
namespace {

TEST(TableSchemaTest, IdentifiersAreQuotedAndOnlyOurOwnIdsAreAccepted) {
  EXPECT_EQ(quoteIdentifier("t_tblAbc123"), "\"t_tblAbc123\"");
  EXPECT_THROW(quoteIdentifier("t\"; DROP TABLE users; --"), std::logic_error);
}

TEST(TableSchemaTest, ColumnsComeFromIdsAndComputedFieldsShowSystemColumns) {
  TableSchema table;
  table.id = "tblT";
  table.fields = {
      {"fldName", "Name", "", FieldType::SingleLineText, {}, true, 1, nullptr, nullptr, nullptr},
      {"fldMade", "Made", "", FieldType::CreatedTime, {}, false, 2, nullptr, nullptr, nullptr}};
  EXPECT_EQ(table.sqlTable(), "\"t_tblT\"");
  EXPECT_EQ(table.fields[0].column(), "\"f_fldName\"");
  EXPECT_EQ(table.fields[0].expression(), "t.\"f_fldName\"");
  EXPECT_EQ(table.fields[1].indexExpression(), "\"__created_at\"");
  EXPECT_EQ(table.fields[1].valueType(), "BIGINT");
}

TEST(TableSchemaTest, FieldsAreFoundByIdAndByNameIgnoringCaseWhenAsked) {
  TableSchema table;
  table.fields = {
      {"fldQty", "Qty", "", FieldType::Number, {}, false, 2, nullptr, nullptr, nullptr},
      {"fldName", "Name", "", FieldType::SingleLineText, {}, true, 1, nullptr, nullptr, nullptr}};
  EXPECT_EQ(table.field("fldQty", false), &table.fields[0]);
  EXPECT_EQ(table.field("qty", false), nullptr);
  EXPECT_EQ(table.field("qty", true), &table.fields[0]);
  EXPECT_EQ(table.field("Other", true), nullptr);
  EXPECT_EQ(&table.primaryField(), &table.fields[1]);
  EXPECT_EQ(nameKey("Straße Ä"), nameKey("straße Ä")) << "ASCII letters fold";
}

}  // namespace
}  // namespace tessera::features
