// JsonArrayItems: the items of the arrays the backends write (compact on
// SQLite, with blanks on PostgreSQL), nested values kept whole, strings
// with escapes kept as written, and a refusal of text that is not an array.
#include "common/json_array_items.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tessera {
namespace {

// The items read, and whether the reader ended valid.
std::pair<std::vector<std::string>, bool> itemsOf(std::string_view text) {
  JsonArrayItems items(text);
  std::vector<std::string> read;
  while (const auto item = items.next()) read.emplace_back(*item);
  return {read, items.valid()};
}

using Items = std::vector<std::string>;

TEST(JsonArrayItemsTest, ReadsTheItemsOfACompactArray) {
  EXPECT_EQ(itemsOf(R"(["a",1,-2.5E3,null,true])"),
            std::make_pair(Items{R"("a")", "1", "-2.5E3", "null", "true"}, true));
}

TEST(JsonArrayItemsTest, LeavesOutTheBlanksPostgresWrites) {
  EXPECT_EQ(itemsOf(" [ \"a\" ,\n 1\t, [\"rec1\", \"b\"] ] "),
            std::make_pair(Items{R"("a")", "1", R"(["rec1", "b"])"}, true));
}

TEST(JsonArrayItemsTest, KeepsNestedValuesAndEscapedStringsWhole) {
  EXPECT_EQ(
      itemsOf(R"([["r,1","x\"],y"],{"k":[1,{"]":"["}]},"\\"])"),
      std::make_pair(Items{R"(["r,1","x\"],y"])", R"({"k":[1,{"]":"["}]})", R"("\\")"}, true));
}

TEST(JsonArrayItemsTest, AnEmptyArrayHasNoItems) {
  EXPECT_EQ(itemsOf("[]"), std::make_pair(Items{}, true));
  EXPECT_EQ(itemsOf(" [ ] "), std::make_pair(Items{}, true));
}

TEST(JsonArrayItemsTest, RefusesTextThatIsNotAnArray) {
  for (const std::string_view text :
       {"", "{}", "\"a\"", "[", "[1", "[1,]", "[,1]", "[\"a\" \"b\"]", "[\"open]", "[[1]"}) {
    EXPECT_FALSE(itemsOf(text).second) << text;
  }
}

}  // namespace
}  // namespace tessera
