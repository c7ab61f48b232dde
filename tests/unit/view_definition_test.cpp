#include "features/views/view_definition.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "features/views/view_store.h"
#include "http/api_error.h"

namespace tessera::features {
namespace {

class ViewDefinitionTest : public ::testing::Test {
 protected:
  ViewDefinitionTest() {
    schema.fields = {
        {"fldName", "Name", "", FieldType::SingleLineText, {}, true, 1, nullptr, nullptr, nullptr},
        {"fldQty",
         "Qty",
         "",
         FieldType::Number,
         {{"precision", 0}},
         false,
         2,
         nullptr,
         nullptr,
         nullptr}};
  }

  void apply(const char* changes) {
    applyViewChanges(schema, definition, boost::json::parse(changes).as_object());
  }

  std::string refusal(const char* changes) {
    try {
      apply(changes);
    } catch (const http::ApiError& error) {
      EXPECT_EQ(error.status(), 400);
      return error.code();
    }
    return "accepted";
  }

  TableSchema schema;
  boost::json::object definition = emptyViewDefinition();
};

TEST_F(ViewDefinitionTest, FieldsNamedByNameAreStoredById) {
  apply(R"({"filter":{"filterSet":[{"fieldId":"Qty","operator":"isGreater","value":1}]},
            "sort":[{"fieldId":"qty","order":"desc"}],"fieldOrder":["Qty","Name"]})");
  EXPECT_EQ(definition.at("filter").at("filterSet").at(0).at("fieldId").as_string(), "fldQty");
  EXPECT_EQ(boost::json::serialize(definition.at("sort")),
            R"([{"fieldId":"fldQty","order":"desc"}])");
  EXPECT_EQ(boost::json::serialize(definition.at("fieldOrder")), R"(["fldQty","fldName"])");
}

TEST_F(ViewDefinitionTest, WhatTheTableCannotUseIsRefused) {
  EXPECT_EQ(refusal(R"({"filter":{"filterSet":[{"fieldId":"Gone","operator":"is"}]}})"),
            "invalid_filter");
  EXPECT_EQ(refusal(R"({"sort":[{"fieldId":"fldNone"}]})"), "invalid_sort");
  EXPECT_EQ(refusal(R"({"hiddenFieldIds":["fldName"]})"), "invalid_field")
      << "the primary field stays visible";
  EXPECT_EQ(refusal(R"({"fieldOrder":"fldQty"})"), "invalid_field");
  EXPECT_EQ(boost::json::serialize(definition), boost::json::serialize(emptyViewDefinition()))
      << "nothing was changed by a refused change";
}

TEST_F(ViewDefinitionTest, ADeletedFieldIsForgottenEverywhere) {
  apply(R"({"filter":{"conjunction":"and","filterSet":[
              {"fieldId":"fldQty","operator":"isGreater","value":1},
              {"fieldId":"fldName","operator":"isNotEmpty"}]},
            "sort":[{"fieldId":"fldQty"}],"hiddenFieldIds":["fldQty"],
            "fieldOrder":["fldQty","fldName"]})");
  forgetField(definition, "fldQty");
  EXPECT_EQ(definition.at("filter").at("filterSet").as_array().size(), 1u);
  EXPECT_TRUE(definition.at("sort").as_array().empty());
  EXPECT_TRUE(definition.at("hiddenFieldIds").as_array().empty());
  EXPECT_EQ(boost::json::serialize(definition.at("fieldOrder")), R"(["fldName"])");
}

}  // namespace
}  // namespace tessera::features
