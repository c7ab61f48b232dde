// The patterns REGEX_MATCH accepts: rewritten into the spelling both RE2
// and PostgreSQL read alike, and everything else refused with the
// character where the trouble starts.
#include "features/formula/formula_regex.h"

#include <gtest/gtest.h>

namespace tessera::features {
namespace {

std::string rewritten(std::string_view pattern) {
  const auto result = portableRegex(pattern);
  if (const auto* error = std::get_if<RegexError>(&result)) {
    return "refused at " + std::to_string(error->position) + ": " + error->message;
  }
  return std::get<std::string>(result);
}

TEST(FormulaRegexTest, ClassShorthandsBecomeExplicitAsciiClasses) {
  EXPECT_EQ(rewritten(R"(\d+)"), "[0-9]+");
  EXPECT_EQ(rewritten(R"(\W)"), "[^0-9A-Za-z_]");
  EXPECT_EQ(rewritten(R"(\s)"), "[ \t\n\r\f\v]");
  EXPECT_EQ(rewritten(R"([\d.\-])"), R"([0-9.\-])");
  EXPECT_EQ(rewritten(R"(a\tb\n)"), "a\tb\n") << "escaped letters become their characters";
}

TEST(FormulaRegexTest, TheCommonSyntaxIsKeptAsWritten) {
  for (const std::string_view pattern : {"^a.c$", "(?:ab|cd)*e?", "x{2}y{1,}z{0,3}",
                                         R"([^a-zé]\.\{)", "", "a|", "(a)(b(c))", "Zoë"}) {
    EXPECT_EQ(rewritten(pattern), pattern);
  }
  EXPECT_EQ(rewritten("a{2,2}"), "a{2}");
}

TEST(FormulaRegexTest, WhatTheEnginesReadDifferentlyIsRefusedWithItsPosition) {
  const std::pair<std::string_view, std::string> refusals[] = {
      {R"((a)\1)", "refused at 4: The escape \\1 is not supported"},
      {"(?i)abc", "refused at 2: Only (...) and (?:...) groups are supported"},
      {"a(?=b)", "refused at 3: Only (...) and (?:...) groups are supported"},
      {"a*?", "refused at 3: Lazy and possessive repeats"},
      {"*a", "refused at 1: There is nothing to repeat before this"},
      {"^*", "refused at 2: There is nothing to repeat before this"},
      {"a{3,1}", "refused at 2: In {m,n}, n must not be less than m"},
      {"a{101}", "refused at 3: A repeat count may be at most 100"},
      {"a{x}", "refused at 3: Write a repeat as {m}"},
      {"[[:alpha:]]", "refused at 2: Write \\[ for a literal [ in a class"},
      {"[z-a]", "refused at 3: A range must run from the lower character to the higher"},
      {"[a-]", "refused at 3: Write \\- for a literal - in a class"},
      {"[]a]", "refused at 2: A class needs at least one character"},
      {"[\\D]", "refused at 2: \\D, \\W and \\S cannot be used in a class"},
      {"(ab", "refused at 4: A '(' is not closed"},
      {"ab)", "refused at 3: A ')' here closes no group"},
      {"a]", "refused at 2: Write \\] for a literal ]"},
      {"é\\b", "refused at 2: The escape \\b is not supported"},
      {"ab\\", "refused at 3: A pattern cannot end with a single backslash"},
  };
  for (const auto& [pattern, refusal] : refusals) {
    EXPECT_EQ(rewritten(pattern).substr(0, refusal.size()), refusal) << pattern;
  }
  EXPECT_EQ(rewritten(std::string(1001, 'a')).substr(0, 12), "refused at 1");
  // Found by the formula fuzzer: a class holding bytes that are not UTF-8.
  EXPECT_EQ(rewritten("[\xae-9\xa4\xa4]"), "refused at 1: A pattern must be UTF-8 text");
}

}  // namespace
}  // namespace tessera::features
