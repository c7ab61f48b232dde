#include "features/schema/cell_codec.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "features/schema/field_options.h"

namespace tessera::features {
namespace {

FieldDef field(FieldType type, const char* options = "null") {
  FieldDef def;
  def.id = "fld1";
  def.name = "F";
  def.type = type;
  def.options = normalizeOptions(type, boost::json::parse(options));
  return def;
}

store::SqlValue encode(FieldDef& def, const char* json, bool typecast = false) {
  bool changed = false;
  return encodeCell(def, boost::json::parse(json), typecast, changed);
}

TEST(CellCodecTest, NumbersRoundTripAndFormatWithPrecision) {
  FieldDef number = field(FieldType::Number, R"({"precision":1})");
  const store::SqlValue stored = encode(number, "2.25");
  EXPECT_EQ(std::get<double>(stored), 2.25);
  EXPECT_EQ(decodeCell(number, stored, CellFormat::Json), boost::json::value(2.25));
  EXPECT_EQ(decodeCell(number, 7.0, CellFormat::Json), boost::json::value(7));
  EXPECT_EQ(decodeCell(number, stored, CellFormat::Text).as_string(), "2.2");
  EXPECT_THROW(encode(number, R"("3")"), CellError);
  EXPECT_EQ(std::get<double>(encode(number, R"(" 3.5 ")", true)), 3.5);
  EXPECT_THROW(encode(number, R"("3x")", true), CellError);
}

TEST(CellCodecTest, LinkTitlesAreTheLinkedPrimaryFieldAsText) {
  auto plan = std::make_shared<LinkPlan>();
  plan->titleField = std::make_shared<FieldDef>(field(FieldType::Number, R"({"precision":2})"));
  FieldDef link;
  link.type = FieldType::Link;
  link.link = plan;
  const std::string stored = R"([["recA",2.5],["recB",null],["recC",10]])";
  EXPECT_EQ(decodeCell(link, stored, CellFormat::Json),
            boost::json::parse(R"([{"id":"recA","title":"2.50"},{"id":"recB","title":""},)"
                               R"({"id":"recC","title":"10.00"}])"));
  EXPECT_EQ(decodeCell(link, stored, CellFormat::Text).as_string(), "2.50, , 10.00");
}

TEST(CellCodecTest, CheckboxesStoreOnlyChecked) {
  FieldDef box = field(FieldType::Checkbox);
  EXPECT_EQ(std::get<std::int64_t>(encode(box, "true")), 1);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(encode(box, "false")));
  EXPECT_EQ(std::get<std::int64_t>(encode(box, R"("Yes")", true)), 1);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(encode(box, R"("off")", true)));
  EXPECT_THROW(encode(box, R"("maybe")", true), CellError);
}

TEST(CellCodecTest, DatesAreUtcAndDateOnlyKeepsTheDay) {
  FieldDef day = field(FieldType::Date);
  const store::SqlValue stored = encode(day, R"("2026-11-27T23:30:00Z")");
  EXPECT_EQ(decodeCell(day, stored, CellFormat::Json).as_string(), "2026-11-27");
  FieldDef moment = field(FieldType::Date, R"({"dateOnly":false})");
  EXPECT_EQ(decodeCell(moment, encode(moment, R"("2026-11-27T10:00:00+02:00")"), CellFormat::Json)
                .as_string(),
            "2026-11-27T08:00:00.000Z");
  EXPECT_THROW(encode(day, R"("27/11/2026")"), CellError);
}

TEST(CellCodecTest, SelectsMatchChoicesIgnoringCaseAndTypecastAddsThem) {
  FieldDef select = field(FieldType::SingleSelect, R"({"choices":[{"name":"Open"}]})");
  EXPECT_EQ(std::get<std::string>(encode(select, R"("open")")), "Open");
  EXPECT_THROW(encode(select, R"("Closed")"), CellError);
  bool changed = false;
  EXPECT_EQ(
      std::get<std::string>(encodeCell(select, boost::json::parse(R"("Closed")"), true, changed)),
      "Closed");
  EXPECT_TRUE(changed);
  EXPECT_TRUE(findChoice(select.options, "closed"));

  FieldDef multi = field(FieldType::MultipleSelect, R"({"choices":[{"name":"a"},{"name":"b"}]})");
  const store::SqlValue stored = encode(multi, R"(["b","a","b"])");
  EXPECT_EQ(std::get<std::string>(stored), R"(["b","a"])") << "order kept, duplicates dropped";
  EXPECT_EQ(decodeCell(multi, stored, CellFormat::Text).as_string(), "b, a");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(encode(multi, "[]")));
}

TEST(CellCodecTest, TextRulesAndLimits) {
  FieldDef line = field(FieldType::SingleLineText);
  EXPECT_THROW(encode(line, R"("a\nb")"), CellError);
  EXPECT_EQ(std::get<std::string>(encode(line, R"("a\nb")", true)), "a b");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(encode(line, R"("")")));
  EXPECT_THROW(encode(line, ("\"" + std::string(10001, 'x') + "\"").c_str()), CellError);
  EXPECT_THROW(encode(line, "12"), CellError);
  EXPECT_EQ(std::get<std::string>(encode(line, "12", true)), "12");
}

TEST(CellCodecTest, EmailUrlAndRating) {
  FieldDef email = field(FieldType::Email);
  EXPECT_THROW(encode(email, R"("nobody")"), CellError);
  FieldDef url = field(FieldType::Url);
  EXPECT_EQ(std::get<std::string>(encode(url, R"("example.com/x")", true)),
            "https://example.com/x");
  EXPECT_EQ(std::get<std::string>(encode(url, R"(" soylent.com ")")), "https://soylent.com")
      << "a URL without a scheme is taken as https, with or without typecast";
  EXPECT_EQ(std::get<std::string>(encode(url, R"("ftp://files.example.org")")),
            "ftp://files.example.org");
  EXPECT_EQ(std::get<std::string>(encode(url, R"("mailto:a@b.co")")), "mailto:a@b.co");
  EXPECT_THROW(encode(url, R"("not a url")"), CellError);
  FieldDef rating = field(FieldType::Rating, R"({"max":3})");
  EXPECT_EQ(std::get<std::int64_t>(encode(rating, "3")), 3);
  EXPECT_THROW(encode(rating, "4"), CellError);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(encode(rating, "0")));
}

TEST(CellCodecTest, ComputedFieldsCannotBeWritten) {
  for (FieldType type : {FieldType::AutoNumber, FieldType::CreatedTime, FieldType::CreatedBy}) {
    FieldDef computed = field(type);
    EXPECT_THROW(encode(computed, "1"), CellError);
  }
}

}  // namespace
}  // namespace tessera::features
