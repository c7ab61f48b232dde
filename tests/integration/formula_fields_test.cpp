// Formula fields through the REST API, on both backends: values computed
// by the database for every result type; refusals with their position;
// references kept by field id through renames, broken by deletion and
// mended by restoring; circular references; filters, sorts, search and a
// view's sort index on a formula; conversion to and from a formula; the
// check and function-list endpoints.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/sort_indexes.h"
#include "support/test_server.h"
#include "support/workspace.h"

namespace tessera::testing {
namespace {

class FormulaFieldsTest : public ::testing::Test {
 protected:
  FormulaFieldsTest() : workspace(makeWorkspace(client, "ada@example.com")) {
    table = createTable(client, workspace, boost::json::parse(R"({"name":"Items","fields":[
        {"name":"Name","type":"singleLineText"},
        {"name":"Price","type":"number"},
        {"name":"Qty","type":"number"},
        {"name":"Done","type":"checkbox"},
        {"name":"Due","type":"date"},
        {"name":"Tags","type":"multipleSelect"}]})"));
    tableId = std::string(table.at("id").as_string());
    createRecords(client, workspace.owner, tableId,
                  boost::json::parse(R"([
        {"Name":"apple","Price":2.5,"Qty":4,"Done":true,"Due":"2026-03-01","Tags":["red","fruit"]},
        {"Name":"pear","Price":1,"Qty":10},
        {"Name":"fig","Qty":3}])")
                      .as_array());
  }

  HttpResult addFormula(const std::string& name, const std::string& expression,
                        const std::string& resultType = "") {
    boost::json::object options{{"expression", expression}};
    if (!resultType.empty()) options["resultType"] = resultType;
    return client.json("POST", "/api/table/" + tableId + "/field",
                       {{"name", name}, {"type", "formula"}, {"options", options}},
                       workspace.owner.headers());
  }

  // The formula's value per record name, as the API returns it ("-" when
  // the cell is empty).
  std::map<std::string, std::string> valuesOf(const std::string& field,
                                              const std::string& query = "") {
    const HttpResult list = client.request("GET", "/api/table/" + tableId + "/record" + query, "",
                                           workspace.owner.headers());
    EXPECT_EQ(list.status, 200) << list.body << server.logText();
    std::map<std::string, std::string> values;
    const boost::json::value body = list.json();
    for (const auto& record : body.at("records").as_array()) {
      const auto& fields = record.at("fields").as_object();
      const auto* value = fields.if_contains(field);
      values[std::string(fields.at("Name").as_string())] =
          value ? boost::json::serialize(*value) : "-";
    }
    return values;
  }

  std::vector<std::string> namesInOrder(const std::string& query) {
    const HttpResult list = client.request("GET", "/api/table/" + tableId + "/record" + query, "",
                                           workspace.owner.headers());
    return recordNames(list);
  }

  HttpResult patchField(const std::string& fieldId, const boost::json::value& body) {
    return client.json("PATCH", "/api/table/" + tableId + "/field/" + fieldId, body,
                       workspace.owner.headers());
  }

  TestServer server;
  HttpClient client{server.port()};
  Workspace workspace;
  boost::json::value table;
  std::string tableId;
};

TEST_F(FormulaFieldsTest, TheDatabaseComputesEachResultTypeAndTheFieldShowsNames) {
  const HttpResult total = addFormula("Total", "{Price} * {Qty}");
  ASSERT_EQ(total.status, 201) << total.body;
  const boost::json::value options = total.json().at("options");
  EXPECT_EQ(options.at("expression").as_string(), "{Price} * {Qty}");
  EXPECT_EQ(options.at("result").at("type").as_string(), "number");
  EXPECT_EQ(options.at("referencedFieldIds").as_array().size(), 2u);
  EXPECT_TRUE(total.json().at("isComputed").as_bool());
  EXPECT_FALSE(options.as_object().contains("error"));

  ASSERT_EQ(addFormula("Label", "UPPER({Name}) & \" x\" & {Qty}").status, 201);
  ASSERT_EQ(addFormula("Big", "{Qty} > 3").status, 201);
  ASSERT_EQ(addFormula("Later", "DATEADD({Due}, 1, 'months')").status, 201);
  ASSERT_EQ(addFormula("Tag list", "{Tags}").status, 201);
  ASSERT_EQ(addFormula("Checked", "IF({Done}, 'yes', 'no')").status, 201);

  EXPECT_EQ(valuesOf("Total"),
            (std::map<std::string, std::string>{{"apple", "10"}, {"pear", "10"}, {"fig", "0"}}))
      << "a blank number counts as 0 in arithmetic";
  EXPECT_EQ(valuesOf("Label"),
            (std::map<std::string, std::string>{
                {"apple", "\"APPLE x4\""}, {"pear", "\"PEAR x10\""}, {"fig", "\"FIG x3\""}}));
  EXPECT_EQ(valuesOf("Big"), (std::map<std::string, std::string>{
                                 {"apple", "true"}, {"pear", "true"}, {"fig", "false"}}));
  EXPECT_EQ(valuesOf("Later"),
            (std::map<std::string, std::string>{
                {"apple", "\"2026-04-01T00:00:00.000Z\""}, {"pear", "-"}, {"fig", "-"}}));
  EXPECT_EQ(valuesOf("Tag list"), (std::map<std::string, std::string>{
                                      {"apple", "\"red, fruit\""}, {"pear", "-"}, {"fig", "-"}}));
  EXPECT_EQ(valuesOf("Checked"), (std::map<std::string, std::string>{
                                     {"apple", "\"yes\""}, {"pear", "\"no\""}, {"fig", "\"no\""}}))
      << "an unchecked box is false";
  EXPECT_EQ(valuesOf("Total", "?cellFormat=text&fieldKeyType=name").at("apple"), "\"10\"");
}

TEST_F(FormulaFieldsTest, AResultTypeCanBeForcedAndAnImpossibleOneIsRefused) {
  const HttpResult text = addFormula("Qty text", "{Qty} * 2", "text");
  ASSERT_EQ(text.status, 201) << text.body;
  EXPECT_EQ(text.json().at("options").at("result").at("type").as_string(), "text");
  EXPECT_EQ(valuesOf("Qty text").at("pear"), "\"20\"");
  const HttpResult date = addFormula("Bad", "{Name}", "date");
  EXPECT_EQ(date.status, 400) << date.body;
  EXPECT_EQ(date.errorCode(), "invalid_formula");
  EXPECT_EQ(addFormula("Worse", "{Qty}", "colour").errorCode(), "invalid_field");
}

TEST_F(FormulaFieldsTest, BadFormulasAreRefusedWithTheirPositionAndNothingIsSaved) {
  const struct {
    std::string expression;
    std::string message;
  } cases[] = {
      {"{Price} + {Prce}", "Unknown field {Prce} at 11."},
      {"IF({Qty})", "IF expects 2 or 3 arguments, not 1 at 1."},
      {"{Qty} +", "at 8."},
      {"FROB(1)", "FROB"},
      {"LEFT({Name}, 'x')", "at 14."},
  };
  for (const auto& c : cases) {
    const HttpResult result = addFormula("F", c.expression);
    EXPECT_EQ(result.status, 400) << c.expression;
    EXPECT_EQ(result.errorCode(), "invalid_formula") << c.expression;
    EXPECT_NE(result.json().at("message").as_string().find(c.message), std::string::npos)
        << c.expression << " -> " << result.body;
  }
  const HttpResult fields =
      client.request("GET", "/api/table/" + tableId + "/field", "", workspace.owner.headers());
  EXPECT_EQ(fields.json().at("fields").as_array().size(), 6u) << "no field was added";
  const HttpResult empty = addFormula("F", "");
  EXPECT_EQ(empty.errorCode(), "invalid_field");
}

TEST_F(FormulaFieldsTest, RenamingAUsedFieldKeepsTheFormulaAndDeletingItBreaksItUntilRestored) {
  const HttpResult total = addFormula("Total", "{Price} * {Qty}");
  ASSERT_EQ(total.status, 201);
  const std::string totalId(total.json().at("id").as_string());
  const std::string priceId = fieldId(table, "Price");
  ASSERT_EQ(patchField(priceId, {{"name", "Unit price"}}).status, 200);
  const HttpResult renamed = client.request("GET", "/api/table/" + tableId + "/field/" + totalId,
                                            "", workspace.owner.headers());
  EXPECT_EQ(renamed.json().at("options").at("expression").as_string(), "{Unit price} * {Qty}");
  EXPECT_EQ(valuesOf("Total").at("apple"), "10");

  ASSERT_EQ(client
                .request("DELETE", "/api/table/" + tableId + "/field/" + priceId, "",
                         workspace.owner.headers())
                .status,
            200);
  const HttpResult broken = client.request("GET", "/api/table/" + tableId + "/field/" + totalId, "",
                                           workspace.owner.headers());
  const boost::json::value options = broken.json().at("options");
  EXPECT_EQ(options.at("expression").as_string(), "{" + priceId + "} * {Qty}");
  EXPECT_EQ(options.at("error").as_string(), "The field {" + priceId + "} no longer exists at 1.");
  EXPECT_EQ(valuesOf("Total").at("pear"), R"({"error":"#ERROR!"})")
      << "the table still reads; the broken formula shows an error value";

  ASSERT_EQ(client
                .request("POST", "/api/table/" + tableId + "/field/" + priceId + "/restore", "",
                         workspace.owner.headers())
                .status,
            200);
  EXPECT_EQ(valuesOf("Total").at("apple"), "10");
}

TEST_F(FormulaFieldsTest, CircularReferencesAreRefusedDirectlyAndThroughOtherFormulas) {
  const HttpResult a = addFormula("A", "{Qty} + 1");
  ASSERT_EQ(a.status, 201);
  const std::string aId(a.json().at("id").as_string());
  const HttpResult b = addFormula("B", "{A} * 2");
  ASSERT_EQ(b.status, 201);
  EXPECT_EQ(valuesOf("B").at("fig"), "8") << "a formula may use another";

  const HttpResult self = patchField(aId, {{"options", {{"expression", "{A} + 1"}}}});
  EXPECT_EQ(self.status, 400);
  EXPECT_EQ(self.errorCode(), "invalid_formula");
  EXPECT_NE(self.body.find("Circular reference: {A} \xE2\x86\x92 {A} at 1."), std::string::npos)
      << self.body;
  const HttpResult loop = patchField(aId, {{"options", {{"expression", "{B} + 1"}}}});
  EXPECT_EQ(loop.status, 400);
  EXPECT_NE(loop.body.find("Circular reference: {A} \xE2\x86\x92 {B} \xE2\x86\x92 {A} at 1."),
            std::string::npos)
      << loop.body;
  EXPECT_EQ(valuesOf("B").at("fig"), "8") << "the refused change saved nothing";
}

TEST_F(FormulaFieldsTest, FiltersSortsAndSearchRunOnTheResult) {
  ASSERT_EQ(addFormula("Total", "{Price} * {Qty}").status, 201);
  ASSERT_EQ(addFormula("Label", "LOWER({Name}) & '-tagged'").status, 201);
  ASSERT_EQ(addFormula("Big", "{Qty} > 3").status, 201);
  const std::string orderBy =
      urlEncode(R"([{"fieldId":"Total","order":"asc"},{"fieldId":"Name","order":"desc"}])");
  EXPECT_EQ(namesInOrder("?orderBy=" + orderBy),
            (std::vector<std::string>{"fig", "pear", "apple"}));
  const std::string filter = urlEncode(
      R"({"conjunction":"and","filterSet":[{"fieldId":"Total","operator":"isGreater","value":5}]})");
  EXPECT_EQ(namesInOrder("?filter=" + filter).size(), 2u);
  const std::string notBig = urlEncode(
      R"({"conjunction":"and","filterSet":[{"fieldId":"Big","operator":"is","value":false}]})");
  EXPECT_EQ(namesInOrder("?filter=" + notBig), (std::vector<std::string>{"fig"}));
  EXPECT_EQ(namesInOrder("?search=ig-TAG"), (std::vector<std::string>{"fig"}))
      << "search reads text formulas";
  const std::string wrong = urlEncode(
      R"({"conjunction":"and","filterSet":[{"fieldId":"Total","operator":"contains","value":"1"}]})");
  const HttpResult refused = client.request(
      "GET", "/api/table/" + tableId + "/record?filter=" + wrong, "", workspace.owner.headers());
  EXPECT_EQ(refused.errorCode(), "invalid_filter") << "a number formula is filtered as a number";
}

TEST_F(FormulaFieldsTest, AViewSortedByAFormulaGetsAnIndexThatFollowsTheFormula) {
  const HttpResult total = addFormula("Total", "{Price} * {Qty}");
  ASSERT_EQ(total.status, 201);
  const std::string totalId(total.json().at("id").as_string());
  const HttpResult view =
      client.json("POST", "/api/table/" + tableId + "/view",
                  {{"name", "By total"},
                   {"sort", boost::json::parse(R"([{"fieldId":"Total","order":"desc"}])")}},
                  workspace.owner.headers());
  ASSERT_EQ(view.status, 201) << view.body;
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 1), "1\n");
  const std::string viewQuery = "?viewId=" + std::string(view.json().at("id").as_string());
  EXPECT_EQ(namesInOrder(viewQuery).back(), "fig");

  // Retyping a field the formula uses drops the index (SQLite cannot drop
  // a column an index uses) and the formula is rebuilt over the new type.
  const HttpResult retyped =
      patchField(fieldId(table, "Qty"), {{"type", "rating"}, {"options", {{"max", 10}}}});
  ASSERT_EQ(retyped.status, 200) << retyped.body;
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 1), "1\n");
  EXPECT_EQ(namesInOrder(viewQuery).back(), "fig");

  // A formula that reads the clock is sorted per request, never indexed.
  ASSERT_EQ(
      patchField(totalId, {{"options", {{"expression", "DATETIME_DIFF(NOW(), {Due}, 'days')"}}}})
          .status,
      200);
  EXPECT_EQ(waitForBuiltSortIndexes(server, tableId, 0), "0\n");
  EXPECT_EQ(namesInOrder(viewQuery).size(), 3u);
}

TEST_F(FormulaFieldsTest, FieldsConvertToAndFromFormulasAndFormulasCannotBeWritten) {
  const std::string qtyId = fieldId(table, "Qty");
  ASSERT_EQ(addFormula("Double", "{Qty} * 2").status, 201);
  const HttpResult toFormula =
      patchField(qtyId, {{"type", "formula"}, {"options", {{"expression", "LEN({Name})"}}}});
  ASSERT_EQ(toFormula.status, 200) << toFormula.body;
  EXPECT_EQ(valuesOf("Qty").at("apple"), "5");
  EXPECT_EQ(valuesOf("Double").at("apple"), "10")
      << "a formula may use a formula it had as a column";

  const HttpResult toText = patchField(qtyId, {{"type", "singleLineText"}});
  ASSERT_EQ(toText.status, 200) << toText.body;
  EXPECT_EQ(toText.json().at("conversion").at("converted").as_int64(), 3)
      << "the computed values are kept as text";
  EXPECT_EQ(valuesOf("Qty").at("pear"), "\"4\"");
  EXPECT_FALSE(toText.json().at("options").as_object().contains("expression"));

  const HttpResult write =
      client.json("POST", "/api/table/" + tableId + "/record",
                  {{"records", {{{"fields", {{"Double", 1}}}}}}}, workspace.owner.headers());
  EXPECT_EQ(write.errorCode(), "field_not_writable") << write.body;
}

TEST_F(FormulaFieldsTest, ANewTableMayStartWithFormulasThatUseEachOther) {
  const auto created =
      createTable(client, workspace, boost::json::parse(R"({"name":"Calc","fields":[
      {"name":"N","type":"number"},
      {"name":"Twice","type":"formula","options":{"expression":"{Thrice} - {N}"}},
      {"name":"Thrice","type":"formula","options":{"expression":"{N} * 3"}}]})"));
  const std::string calcId(created.at("id").as_string());
  createRecords(client, workspace.owner, calcId, boost::json::parse(R"([{"N":7}])").as_array());
  const HttpResult list =
      client.request("GET", "/api/table/" + calcId + "/record", "", workspace.owner.headers());
  EXPECT_EQ(list.json().at("records").at(0).at("fields").at("Twice").as_int64(), 14);
  const HttpResult bad =
      client.json("POST", "/api/base/" + workspace.baseId + "/table",
                  boost::json::parse(R"({"name":"Bad","fields":[{"name":"N","type":"number"},
          {"name":"X","type":"formula","options":{"expression":"{Y}"}},
          {"name":"Y","type":"formula","options":{"expression":"{X}"}}]})"),
                  workspace.owner.headers());
  EXPECT_EQ(bad.errorCode(), "invalid_formula") << bad.body;
}

TEST_F(FormulaFieldsTest, AFormulaCanBeTriedWithoutSavingAndTheFunctionsAreListed) {
  const HttpResult good =
      client.json("POST", "/api/table/" + tableId + "/formula/check",
                  {{"expression", "ROUND({Price}, 1)"}}, workspace.owner.headers());
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_TRUE(good.json().at("valid").as_bool());
  EXPECT_EQ(good.json().at("result").at("type").as_string(), "number");
  const HttpResult bad =
      client.json("POST", "/api/table/" + tableId + "/formula/check",
                  {{"expression", "ROUND({Prce}, 1)"}}, workspace.owner.headers());
  ASSERT_EQ(bad.status, 200);
  EXPECT_FALSE(bad.json().at("valid").as_bool());
  EXPECT_EQ(bad.json().at("error").at("position").as_int64(), 7);
  EXPECT_EQ(bad.json().at("error").at("message").as_string(), "Unknown field {Prce} at 7.");
  const HttpResult missing =
      client.json("POST", "/api/table/" + tableId + "/formula/check",
                  {{"expression", "1"}, {"fieldId", "fldNope"}}, workspace.owner.headers());
  EXPECT_EQ(missing.status, 404);

  const HttpResult functions =
      client.request("GET", "/api/formula/function", "", workspace.owner.headers());
  ASSERT_EQ(functions.status, 200);
  bool hasIf = false;
  const boost::json::value listed = functions.json();
  for (const auto& function : listed.at("functions").as_array()) {
    hasIf = hasIf || (function.at("name").as_string() == "IF" &&
                      function.at("signature").as_string().starts_with("IF("));
  }
  EXPECT_TRUE(hasIf);
  EXPECT_GE(functions.json().at("functions").as_array().size(), 60u);
}

}  // namespace
}  // namespace tessera::testing
