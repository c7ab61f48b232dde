#include "features/limits.h"

#include <string>

#include "http/api_error.h"

namespace tessera::features {

void requireRoom(std::size_t existing, std::size_t adding, std::size_t limit,
                 std::string_view container, std::string_view items) {
  if (existing + adding <= limit) return;
  throw http::conflict("limit_reached", "A " + std::string(container) + " holds at most " +
                                            std::to_string(limit) + " " + std::string(items) +
                                            "; delete some before adding more.");
}

}  // namespace tessera::features
