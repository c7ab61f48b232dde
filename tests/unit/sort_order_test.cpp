#include "features/query/sort_order.h"

#include <gtest/gtest.h>

namespace tessera::features {
namespace {

FieldDef field(std::string id, FieldType type) {
  FieldDef def;
  def.id = std::move(id);
  def.type = type;
  return def;
}

TEST(SortOrderTest, EachKeyOrdersEmptyCellsLastThenByValueAndSeqBreaksTies) {
  const FieldDef qty = field("fldQty", FieldType::Number);
  const FieldDef made = field("fldMade", FieldType::CreatedTime);
  const std::vector<OrderPart> parts = orderParts({{&qty, true}, {&made, false}}, OrderFor::Query);
  ASSERT_EQ(parts.size(), 5u);
  EXPECT_EQ(parts[0].expression, R"((CASE WHEN t."f_fldQty" IS NULL THEN 1 ELSE 0 END))");
  EXPECT_FALSE(parts[0].descending) << "empty cells last in both directions";
  EXPECT_TRUE(parts[0].valueType.empty());
  EXPECT_EQ(parts[1].expression, R"(t."f_fldQty")");
  EXPECT_TRUE(parts[1].descending);
  EXPECT_EQ(parts[1].valueType, "DOUBLE PRECISION");
  EXPECT_TRUE(parts[1].castsBoundValue);
  EXPECT_EQ(parts[3].expression, R"(t."__created_at")") << "a computed field sorts its column";
  EXPECT_EQ(parts[4].expression, "t.__seq");
  EXPECT_FALSE(parts[4].descending);
}

TEST(SortOrderTest, IndexesUseTheSameExpressionsWithoutAQualifier) {
  const FieldDef name = field("fldName", FieldType::SingleLineText);
  const std::vector<OrderPart> inQuery = orderParts({{&name, false}}, OrderFor::Query);
  const std::vector<OrderPart> inIndex = orderParts({{&name, false}}, OrderFor::Index);
  ASSERT_EQ(inQuery.size(), inIndex.size());
  for (std::size_t i = 0; i < inQuery.size(); ++i) {
    std::string unqualified = inQuery[i].expression;
    for (std::size_t at; (at = unqualified.find("t.")) != std::string::npos;) {
      unqualified.erase(at, 2);
    }
    EXPECT_EQ(unqualified, inIndex[i].expression);
  }
}

TEST(SortOrderTest, AFormulaSortsByItsPlannedSqlAndIsIndexableOnlyWithIndexSql) {
  FieldDef total = field("fldTotal", FieldType::Formula);
  auto plan = std::make_shared<FormulaPlan>();
  plan->resultType = FormulaType::Date;
  plan->sql = R"((t."f_fldA" + 1))";
  plan->indexSql = R"(("f_fldA" + 1))";
  total.formula = plan;
  const std::vector<OrderPart> inQuery = orderParts({{&total, false}}, OrderFor::Query);
  EXPECT_EQ(inQuery[1].expression, plan->sql);
  EXPECT_EQ(inQuery[1].valueType, "BIGINT") << "the SQL type of the result type";
  EXPECT_FALSE(inQuery[1].castsBoundValue) << "a cast would give the expression an affinity";
  EXPECT_EQ(orderParts({{&total, false}}, OrderFor::Index)[1].expression, plan->indexSql);
  EXPECT_TRUE(isIndexable({&total, false}));
  plan->indexSql.clear();  // it reads the clock, say
  EXPECT_FALSE(isIndexable({&total, false}));
}

TEST(SortOrderTest, TheSignatureNamesFieldsAndDirectionsInOrder) {
  const FieldDef a = field("fldA", FieldType::Number);
  const FieldDef b = field("fldB", FieldType::Date);
  EXPECT_EQ(sortSignature({{&a, false}, {&b, true}}), "fldA:asc,fldB:desc,");
  EXPECT_NE(sortSignature({{&a, false}}), sortSignature({{&a, true}}));
  EXPECT_EQ(sortSignature({}), "");
}

}  // namespace
}  // namespace tessera::features
