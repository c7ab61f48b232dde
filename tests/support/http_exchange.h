// One HTTP/1.1 request and its answer over any connected Beast stream
// (plain TCP or TLS), shared by the test clients.
#pragma once

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string>

#include "support/http_client.h"

namespace tessera::testing {

template <class Stream>
HttpResult exchange(Stream& stream, const std::string& method, const std::string& target,
                    const std::string& body, const Headers& headers, const std::string& host) {
  namespace bhttp = boost::beast::http;
  bhttp::request<bhttp::string_body> message{bhttp::string_to_verb(method), target, 11};
  message.method_string(method);
  message.set(bhttp::field::host, host);
  for (const auto& [name, value] : headers) message.set(name, value);
  message.body() = body;
  message.prepare_payload();
  bhttp::write(stream, message);
  boost::beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(1 << 30);
  bhttp::read(stream, buffer, parser);
  HttpResult result;
  result.status = static_cast<int>(parser.get().result_int());
  for (const auto& field : parser.get()) {
    result.headers.emplace(boost::algorithm::to_lower_copy(std::string(field.name_string())),
                           std::string(field.value()));
  }
  result.body = parser.get().body();
  return result;
}

}  // namespace tessera::testing
