// What a client may write in a link cell: the ids of the records to link.
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

}  // namespace tessera::features
