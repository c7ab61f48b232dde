#include "store/postgres/placeholders.h"

#include <gtest/gtest.h>

namespace tessera::store {
namespace {

TEST(PlaceholdersTest, EachQuestionMarkBecomesTheNextNumber) {
  EXPECT_EQ(numberPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(numberPlaceholders("SELECT 1"), "SELECT 1");
}

TEST(PlaceholdersTest, QuestionMarksInLiteralsIdentifiersAndCommentsStay) {
  EXPECT_EQ(numberPlaceholders("SELECT '?', \"a?b\" FROM t WHERE x = ? -- why?\nAND y = ?"),
            "SELECT '?', \"a?b\" FROM t WHERE x = $1 -- why?\nAND y = $2");
  EXPECT_EQ(numberPlaceholders("SELECT 'it''s ?' WHERE z = ?"), "SELECT 'it''s ?' WHERE z = $1");
}

}  // namespace
}  // namespace tessera::store
