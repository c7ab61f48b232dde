#include "mcp/json_rpc.h"

#include <gtest/gtest.h>

namespace tessera::mcp {
namespace {

// The error code of the response that parsing `text` gives.
std::int64_t errorCodeOf(std::string_view text) {
  const Parsed parsed = parseMessage(text);
  const auto* response = std::get_if<boost::json::value>(&parsed);
  if (!response) {
    ADD_FAILURE() << "accepted: " << text;
    return 0;
  }
  return response->at("error").at("code").as_int64();
}

TEST(JsonRpcTest, ARequestHasItsIdMethodAndParams) {
  const Parsed parsed =
      parseMessage(R"({"jsonrpc":"2.0","id":7,"method":"tools/list","params":{"cursor":"x"}})");
  const auto& message = std::get<RpcMessage>(parsed);
  EXPECT_EQ(message.id, boost::json::value(7));
  EXPECT_EQ(message.method, "tools/list");
  EXPECT_EQ(message.params.at("cursor").as_string(), "x");

  const Parsed notification = parseMessage(R"({"jsonrpc":"2.0","method":"notifications/x"})");
  EXPECT_FALSE(std::get<RpcMessage>(notification).id) << "a notification has no id";
}

TEST(JsonRpcTest, MalformedMessagesGetTheStandardCodes) {
  EXPECT_EQ(errorCodeOf("{not json"), kParseError);
  EXPECT_EQ(errorCodeOf(R"([{"jsonrpc":"2.0","id":1,"method":"ping"}])"), kInvalidRequest);
  EXPECT_EQ(errorCodeOf(R"({"id":1,"method":"ping"})"), kInvalidRequest);
  EXPECT_EQ(errorCodeOf(R"({"jsonrpc":"2.0","id":1.5,"method":"ping"})"), kInvalidRequest);
  EXPECT_EQ(errorCodeOf(R"({"jsonrpc":"2.0","id":1,"method":3})"), kInvalidRequest);
  EXPECT_EQ(errorCodeOf(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":[1]})"),
            kInvalidParams);
  std::string deep(100, '[');
  EXPECT_EQ(errorCodeOf(deep + std::string(100, ']')), kParseError) << "nesting is bounded";
}

TEST(JsonRpcTest, ResponsesCarryTheIdAndTheVersion) {
  const boost::json::value result = resultResponse("a", {{"ok", true}});
  EXPECT_EQ(result.at("jsonrpc").as_string(), "2.0");
  EXPECT_EQ(result.at("id").as_string(), "a");
  EXPECT_TRUE(result.at("result").at("ok").as_bool());
  const boost::json::value error = errorResponse(nullptr, kMethodNotFound, "no such method");
  EXPECT_TRUE(error.at("id").is_null());
  EXPECT_EQ(error.at("error").at("message").as_string(), "no such method");
}

}  // namespace
}  // namespace tessera::mcp
