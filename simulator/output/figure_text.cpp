#include "simulator/output/figure_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sovcap::output {
namespace {

// `decimals` digits after the point, thousands separated: 3443234.44 -> "3,443,234.4".
std::string separated(double v, int decimals) {
  if (std::isnan(v)) return "-";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string text = fmt::format("{:.{}f}", std::fabs(v), decimals);
  const size_t point = text.find('.');
  const size_t whole = point == std::string::npos ? text.size() : point;
  std::string out;
  for (size_t i = 0; i < whole; ++i) {
    if (i && (whole - i) % 3 == 0) out += ',';
    out += text[i];
  }
  out += text.substr(whole);
  const bool negative = v < 0 && out.find_first_not_of("0.,") != std::string::npos;  // no "-0.0"
  return (negative ? "-" : "") + out;
}

}  // namespace

std::string duration_text(double s) {
  if (std::isnan(s)) return "-";
  if (std::isinf(s)) return s > 0 ? "inf" : "-inf";
  if (s < 0) {
    std::string text = duration_text(-s);
    return text.find_first_of("123456789") == std::string::npos ? text : "-" + text;  // "0.0 s", not "-0.0 s"
  }
  if (s < 9.95) return fmt::format("{:.1f} s", s);
  if (s < 59.5) return fmt::format("{:.0f} s", s);
  if (s < 3599.5) {
    const long whole = std::lround(s);
    const long m = whole / 60, rest = whole % 60;
    return rest ? fmt::format("{} min {} s", m, rest) : fmt::format("{} min", m);
  }
  if (s < 2 * 86400) return fmt::format("{:.1f} h", s / 3600.0);
  return fmt::format("{:.1f} days", s / 86400.0);
}

std::string value_text(const Figure& f, double v) {
  if (std::isnan(v)) return "-";
  // Decimals of a six-figure amount are noise that widens every table: 3,443,234 MWh, not 3,443,234.4.
  const bool large = std::fabs(v) >= kWholeFrom;
  switch (f.format) {
    case Format::count: return separated(v, 0);
    case Format::fixed2: return separated(v, large ? 0 : 2);
    case Format::fixed3: return separated(v, large ? 0 : 3);
    case Format::percent: return separated(100.0 * v, 1);
    case Format::duration: return duration_text(v);
    default: return separated(v, large ? 0 : 1);
  }
}

std::string unit_text(const Figure& f) {
  if (f.format == Format::percent) return "%";
  if (f.format == Format::duration) return "";
  if (std::string(f.unit) == "1" || std::string(f.unit) == "-") return "";
  return f.unit;
}

}  // namespace sovcap::output
