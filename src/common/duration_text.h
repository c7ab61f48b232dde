// A wait as a person reads it in a message: "45 seconds", "1 minute",
// "15 minutes", "2 hours" (rounded up, so nobody retries too early).
#pragma once

#include <chrono>
#include <string>

namespace tessera {

std::string waitInWords(std::chrono::seconds wait);

}  // namespace tessera
