// Fuzzes whole API requests through the real pipeline (routing, every
// route's body and query decoders, authentication, CSRF, authorization,
// handlers) on a real SQLite file. Input: a request line "METHOD /target",
// header lines, an empty line, then the body. "{table}", "{record}",
// "{base}", "{token}", "{cookie}" and "{csrf}" become the fuzz world's
// own, so inputs reach real resources. A client's request must never get a
// 5xx, and every error is one JSON object with a code and a message.
#include <boost/json/parse.hpp>

#include "fuzz_support.h"

using namespace tessera;

namespace {

// Splits off the first line of `rest` (without its "\r\n" or "\n").
std::string_view takeLine(std::string_view& rest) {
  const auto end = rest.find('\n');
  std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

void checkErrorShape(const http::Response& response, std::string_view input) {
  boost::system::error_code error;
  const auto body = boost::json::parse(response.body, error);
  const auto* object = body.if_object();
  if (error || !object || !object->contains("code") || !object->at("code").is_string() ||
      !object->contains("message") || !object->at("message").is_string()) {
    fuzz::fail("an error without the error shape: " + response.body, input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzWorld& world = fuzz::fuzzWorld();
  const std::string input = fuzz::expandPlaceholders(std::string(fuzz::asText(data, size)), world);
  std::string_view rest = input;
  const std::string_view requestLine = takeLine(rest);
  const auto space = requestLine.find(' ');
  if (space == std::string_view::npos) return 0;
  const std::string method(requestLine.substr(0, space));
  const std::string target(requestLine.substr(space + 1));
  if (!target.starts_with("/api/")) return 0;  // the web app's pages are not the subject here
  http::HeaderList headers;
  for (std::string_view line = takeLine(rest); !line.empty(); line = takeLine(rest)) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (value.starts_with(' ')) value.remove_prefix(1);
    headers.emplace_back(line.substr(0, colon), value);
  }
  const http::Response response = world.app.request(method, target, std::string(rest), headers);
  if (response.status >= 500) {
    fuzz::fail("status " + std::to_string(response.status) + ": " + response.body, input);
  }
  if (response.status >= 400) checkErrorShape(response, input);
  return 0;
}
