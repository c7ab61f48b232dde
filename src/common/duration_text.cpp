#include "common/duration_text.h"

namespace tessera {
namespace {

std::string counted(long long count, const char* unit) {
  return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
}

}  // namespace

std::string waitInWords(std::chrono::seconds wait) {
  using namespace std::chrono;
  if (wait < minutes(1)) return counted(std::max<long long>(wait.count(), 1), "second");
  if (wait < hours(2)) return counted(ceil<minutes>(wait).count(), "minute");
  return counted(ceil<hours>(wait).count(), "hour");
}

}  // namespace tessera
