// What a client may write in a link cell: the ids of the records to link,
// and the titles that stand for them in text.
// (Reading one is cell_codec.h's, like every other type.)
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

namespace tessera::features {

inline constexpr std::size_t kMaxLinksPerCell = 1000;

// The record ids a client wrote in a link cell: null, or an array of ids
// ("rec...") or of {"id": "rec..."} objects (the API's own form, so a cell
// read can be written back); with `typecast` also one id alone. Repeats
// are dropped. Throws CellError (cell_codec.h).
std::vector<std::string> parseLinkIds(const boost::json::value& value, bool typecast);

// The parts of `text` between commas, trimmed, the empty ones left out:
// how a list of linked records' titles is written as text.
std::vector<std::string> commaSeparated(const std::string& text);

}  // namespace tessera::features
