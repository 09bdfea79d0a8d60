#include "simulator/output/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sovcap::output {

std::string TextTable::str() const {
  std::vector<size_t> width(headers_.size(), 0);
  auto widen = [&width](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size() && c < width.size(); ++c) width[c] = std::max(width[c], cells[c].size());
  };
  widen(headers_);
  for (const auto& r : rows_) widen(r);
  auto line = [&width](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      if (c) out += "  ";
      out += c == 0 ? fmt::format("{:<{}}", cell, width[c]) : fmt::format("{:>{}}", cell, width[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(headers_);
  for (const auto& r : rows_) out += line(r);
  return out;
}

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
