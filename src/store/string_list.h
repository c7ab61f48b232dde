// How a list of strings (token scopes, space and base ids) is kept in one
// text column: a JSON array. Every store that keeps such a list reads and
// writes it through these two functions.
#pragma once

#include <string>
#include <vector>

namespace tessera::store {

// The column text for `list`, e.g. ["a","b"].
std::string encodeStringList(const std::vector<std::string>& list);

// REQUIRES: `text` was written by encodeStringList (a JSON array of strings).
// Throws boost::system::system_error or std::invalid_argument otherwise.
std::vector<std::string> decodeStringList(const std::string& text);

}  // namespace tessera::store
