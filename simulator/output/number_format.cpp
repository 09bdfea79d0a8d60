#include "simulator/output/number_format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sovcap::output {

std::string fixed(double v, int decimals) { return std::isnan(v) ? "-" : fmt::format("{:.{}f}", v, decimals); }

std::string count(double v) {
  if (std::isnan(v)) return "-";
  std::string digits = fmt::format("{:.0f}", std::fabs(v));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string percent(double fraction) { return std::isnan(fraction) ? "-" : fmt::format("{:.1f}", 100.0 * fraction); }

}  // namespace sovcap::output
