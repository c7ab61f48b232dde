#include "http/json_body.h"

#include <gtest/gtest.h>

#include "http/api_error.h"

namespace tessera::http {
namespace {

Request jsonRequest(std::string body, std::string contentType = "application/json") {
  Request request;
  request.method = "POST";
  request.headers = {{"Content-Type", std::move(contentType)}};
  request.body = std::move(body);
  return request;
}

ApiError errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const ApiError& error) {
    return error;
  }
  ADD_FAILURE() << "no ApiError thrown";
  return ApiError(0, "", "");
}

TEST(JsonBodyTest, AcceptsJsonWithCharset) {
  const auto body = parseJsonBody(jsonRequest(R"({"a":1})", "application/json; charset=utf-8"));
  EXPECT_EQ(body.at("a").as_int64(), 1);
}

TEST(JsonBodyTest, OtherMediaTypesAre415) {
  const ApiError error = errorOf([] { parseJsonBody(jsonRequest("{}", "text/plain")); });
  EXPECT_EQ(error.status(), 415);
  EXPECT_EQ(error.code(), "unsupported_media_type");
}

TEST(JsonBodyTest, MalformedJsonSaysWhere) {
  const ApiError error = errorOf([] { parseJsonBody(jsonRequest("{\n  \"a\": tru }")); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "invalid_json");
  EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos) << error.what();
}

TEST(JsonBodyTest, TruncatedAndEmptyBodiesAre400) {
  EXPECT_EQ(errorOf([] { parseJsonBody(jsonRequest(R"({"a":)")); }).code(), "invalid_json");
  EXPECT_EQ(errorOf([] { parseJsonBody(jsonRequest("")); }).code(), "invalid_json");
  EXPECT_EQ(errorOf([] { parseJsonBody(jsonRequest("{} {}")); }).code(), "invalid_json");
}

TEST(JsonBodyTest, NestingDeeperThanTheLimitIsRefused) {
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_NO_THROW(parseJsonBody(jsonRequest(ok)));
  const std::string deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  const ApiError error = errorOf([&] { parseJsonBody(jsonRequest(deep)); });
  EXPECT_EQ(error.code(), "invalid_json");
  EXPECT_NE(std::string(error.what()).find("nesting"), std::string::npos);
}

TEST(JsonBodyTest, InvalidUtf8IsRefused) {
  EXPECT_EQ(errorOf([] { parseJsonBody(jsonRequest("{\"a\":\"\xff\"}")); }).code(), "invalid_json");
}

TEST(JsonObjectReaderTest, RefusesUnknownFieldsByName) {
  const auto body = parseJsonText(R"({"name":"x","nmae":"y"})", "body");
  const ApiError error = errorOf([&] { JsonObjectReader reader(body, {"name"}); });
  EXPECT_EQ(error.code(), "unknown_field");
  EXPECT_NE(std::string(error.what()).find("'nmae'"), std::string::npos);
}

TEST(JsonObjectReaderTest, NamesTheFieldOfTheWrongType) {
  const auto body = parseJsonText(R"({"name":42})", "body");
  JsonObjectReader reader(body, {"name"});
  const ApiError error = errorOf([&] { reader.requiredString("name", 100); });
  EXPECT_EQ(error.code(), "invalid_field");
  EXPECT_NE(std::string(error.what()).find("'name'"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("a number"), std::string::npos);
}

TEST(JsonObjectReaderTest, TrimsAndChecksLengthInCharacters) {
  const auto body = parseJsonText(R"({"name":"  Ünïcödé  ","blank":"   "})", "body");
  JsonObjectReader reader(body, {"name", "blank", "missing"});
  EXPECT_EQ(reader.requiredString("name", 7), "Ünïcödé");
  EXPECT_EQ(errorOf([&] { reader.requiredString("name", 6); }).code(), "invalid_field");
  EXPECT_EQ(errorOf([&] { reader.requiredString("blank", 10); }).code(), "invalid_field");
  EXPECT_EQ(errorOf([&] { reader.requiredString("missing", 10); }).code(), "missing_field");
  EXPECT_EQ(reader.optionalString("missing", 10), std::nullopt);
  EXPECT_EQ(reader.optionalText("blank", 10), "");
}

TEST(JsonObjectReaderTest, BodyMustBeAnObject) {
  const auto body = parseJsonText("[1,2]", "body");
  EXPECT_EQ(errorOf([&] { JsonObjectReader reader(body, {}); }).code(), "invalid_body");
}

}  // namespace
}  // namespace tessera::http
