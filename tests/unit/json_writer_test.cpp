// JsonWriter: commas and nesting, escaping, numbers, raw JSON, and
// agreement with Boost.JSON's parser on what it wrote.
#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <limits>

namespace tessera {
namespace {

TEST(JsonWriterTest, WritesNestedValuesWithCommasInTheRightPlaces) {
  std::string out;
  JsonWriter json(out);
  json.beginObject()
      .key("records")
      .beginArray()
      .beginObject()
      .key("id")
      .string("rec1")
      .key("n")
      .integer(-42)
      .endObject()
      .beginObject()
      .endObject()
      .endArray()
      .key("ok")
      .boolean(true)
      .key("none")
      .null()
      .key("list")
      .beginArray()
      .integer(1)
      .number(2.5)
      .endArray()
      .endObject();
  EXPECT_EQ(out, R"({"records":[{"id":"rec1","n":-42},{}],"ok":true,"none":null,"list":[1,2.5]})");
}

TEST(JsonWriterTest, EscapesWhatJsonRequiresAndKeepsUtf8) {
  const std::string text = "quote\" back\\ nl\n cr\r tab\t bell\x07 nul" + std::string(1, '\0') +
                           " caf\xC3\xA9 \xF0\x9F\x98\x80";
  std::string out;
  JsonWriter(out).string(text);
  EXPECT_EQ(out,
            "\"quote\\\" back\\\\ nl\\n cr\\r tab\\t bell\\u0007 nul\\u0000 caf\xC3\xA9 "
            "\xF0\x9F\x98\x80\"");
  EXPECT_EQ(boost::json::parse(out).as_string(), text);
}

TEST(JsonWriterTest, NumbersRoundTripAndNonFiniteOnesAreNull) {
  for (const double number : {0.1, -1e300, 123456.789, 5e-324}) {
    std::string out;
    JsonWriter(out).number(number);
    EXPECT_EQ(boost::json::parse(out).to_number<double>(), number) << out;
  }
  std::string out;
  JsonWriter json(out);
  json.beginArray()
      .number(std::numeric_limits<double>::infinity())
      .number(std::numeric_limits<double>::quiet_NaN())
      .integer(std::numeric_limits<std::int64_t>::min())
      .endArray();
  EXPECT_EQ(out, "[null,null,-9223372036854775808]");
}

TEST(JsonWriterTest, RawJsonTakesItsPlaceAmongValues) {
  std::string out;
  JsonWriter json(out);
  json.beginObject().key("names").raw(R"(["a","b"])").key("n").integer(1).endObject();
  EXPECT_EQ(out, R"({"names":["a","b"],"n":1})");
}

}  // namespace
}  // namespace tessera
