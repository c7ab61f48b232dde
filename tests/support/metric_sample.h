// Reading one sample out of GET /metrics' Prometheus text, for tests.
#pragma once

#include <string>

namespace tessera::testing {

// The value of the sample with exactly this name and these labels (e.g.
// `tessera_x_total{route="/a"}`), or -1 when the text has none.
inline double metricSample(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

}  // namespace tessera::testing
