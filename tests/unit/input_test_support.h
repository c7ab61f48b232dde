// Checks of the body readers (*_input.h): the refusal a body gets.
#pragma once

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>

#include "http/api_error.h"

namespace tessera::testing {

// The code of the ApiError that `read` throws for the JSON text `body`
// (the message is appended after a space), or "accepted".
template <class Read>
std::string refusalOf(Read&& read, const char* body) {
  try {
    read(boost::json::parse(body));
  } catch (const http::ApiError& error) {
    EXPECT_EQ(error.status(), 400) << body;
    return error.code() + " " + error.what();
  }
  return "accepted";
}

}  // namespace tessera::testing
