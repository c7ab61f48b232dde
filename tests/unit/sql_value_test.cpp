#include "store/sql_value.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tessera::store {
namespace {

TEST(SqlValueTest, CellsAreReadAsTheirTypeAndNullsAsNothing) {
  const Row row({nullptr, std::int64_t{42}, 2.5, std::string("text")});
  EXPECT_EQ(row.size(), 4u);
  EXPECT_TRUE(row.isNull(0));
  EXPECT_EQ(row.optionalText(0), std::nullopt);
  EXPECT_EQ(row.optionalInteger(0), std::nullopt);
  EXPECT_EQ(row.integer(1), 42);
  EXPECT_EQ(row.real(1), 42.0) << "an integer reads as a number";
  EXPECT_EQ(row.real(2), 2.5);
  EXPECT_EQ(row.text(3), "text");
  EXPECT_EQ(row.optionalText(3), "text");
}

TEST(SqlValueTest, AMismatchIsAProgrammingErrorNotAClientError) {
  const Row row({std::string("7"), 1.5});
  EXPECT_THROW(row.integer(0), std::logic_error);
  EXPECT_THROW(row.text(1), std::logic_error);
  EXPECT_THROW(row.real(0), std::logic_error);
  EXPECT_THROW(row.value(5), std::out_of_range);
}

}  // namespace
}  // namespace tessera::store
