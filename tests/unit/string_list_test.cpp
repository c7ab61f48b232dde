#include "store/string_list.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace tessera::store {
namespace {

TEST(StringListTest, ListsRoundTripThroughTheirColumnText) {
  const std::vector<std::string> list = {"read", "spc\"1", "bäse", ""};
  EXPECT_EQ(decodeStringList(encodeStringList(list)), list);
  EXPECT_EQ(encodeStringList({}), "[]");
  EXPECT_TRUE(decodeStringList("[]").empty());
  EXPECT_EQ(encodeStringList({"a", "b"}), R"(["a","b"])");
}

TEST(StringListTest, TextThatIsNotAListOfStringsIsRefused) {
  EXPECT_ANY_THROW(decodeStringList("not json"));
  EXPECT_ANY_THROW(decodeStringList(R"({"a":1})"));
  EXPECT_ANY_THROW(decodeStringList("[1, 2]"));
}

}  // namespace
}  // namespace tessera::store
