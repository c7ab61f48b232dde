#include "mcp/in_process_api_client.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace tessera::mcp {

ApiResponse InProcessApiClient::call(const std::string& method, const std::string& target,
                                     const boost::json::value& body) {
  http::Request request;
  request.method = method;
  const std::size_t question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  request.headers = {{"Authorization", "Bearer " + token_}, {"User-Agent", "tessera-mcp"}};
  if (!body.is_null()) {
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = boost::json::serialize(body);
  }
  request.clientIp = clientIp_;
  request.throughMcp = true;
  const http::Response response = pipeline_.handle(request);
  ApiResponse result;
  result.status = response.status;
  boost::system::error_code error;
  if (!response.body.empty()) result.body = boost::json::parse(response.body, error);
  return result;
}

}  // namespace tessera::mcp
