#include "simulator/config/units.hpp"

#include <charconv>
#include <cmath>
#include <optional>

namespace sovcap::config {
namespace {

struct Unit {
  const char* name;
  Quantity kind;
  double factor;  // to the kind's base unit
};

// Case matters: "mW" would be milliwatts, so only the spellings below are units.
constexpr Unit kUnits[] = {
    {"ms", Quantity::duration, 1e-3},    {"s", Quantity::duration, 1},
    {"min", Quantity::duration, 60},
    {"h", Quantity::duration, 3600},     {"d", Quantity::duration, 86400},
    {"y", Quantity::duration, 365 * 86400.0},  // a year is 365 days
    {"W", Quantity::power, 1e-6},        {"kW", Quantity::power, 1e-3},
    {"MW", Quantity::power, 1},          {"GW", Quantity::power, 1e3},
    {"kWh", Quantity::energy, 1e-3},     {"MWh", Quantity::energy, 1},
    {"GWh", Quantity::energy, 1e3},      {"MB", Quantity::data, 1e-3},
    {"GB", Quantity::data, 1},           {"TB", Quantity::data, 1e3},
    {"PB", Quantity::data, 1e6},         {"Mbps", Quantity::bandwidth, 1e-3},
    {"Gbps", Quantity::bandwidth, 1},    {"Tbps", Quantity::bandwidth, 1e3},
};

const char* kind_name(Quantity q) {
  switch (q) {
    case Quantity::duration: return "a duration";
    case Quantity::power: return "a power";
    case Quantity::energy: return "an energy";
    case Quantity::data: return "a data size";
    case Quantity::bandwidth: return "a bandwidth";
  }
  return "?";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The number at the start of s and how many characters it took; from_chars is
// locale-independent and does not read "inf"/"nan" unless spelled so.
// A number beyond what a double holds ("1e400", "1e-400") throws UnitError.
std::optional<std::pair<double, size_t>> leading_number(std::string_view s, const std::string& allowed) {
  size_t skip = (!s.empty() && s.front() == '+') ? 1 : 0;
  if (skip && s.size() > 1 && s[1] == '-') return std::nullopt;
  double v = 0;
  auto r = std::from_chars(s.data() + skip, s.data() + s.size(), v);
  if (r.ec == std::errc::result_out_of_range)
    throw UnitError("'" + std::string(s) + "' is out of the range of numbers", allowed);
  if (r.ec != std::errc()) return std::nullopt;
  return std::make_pair(v, static_cast<size_t>(r.ptr - s.data()));
}

}  // namespace

const char* base_unit(Quantity q) {
  switch (q) {
    case Quantity::duration: return "s";
    case Quantity::power: return "MW";
    case Quantity::energy: return "MWh";
    case Quantity::data: return "GB";
    case Quantity::bandwidth: return "Gbps";
  }
  return "";
}

std::string allowed_units(Quantity q) {
  std::string units;
  for (const auto& u : kUnits)
    if (u.kind == q) units += std::string(units.empty() ? "" : ", ") + u.name;
  std::string extra = q == Quantity::duration ? "; 1y = 365 d" : "";
  return std::string(kind_name(q)) + ": a number with " + units + extra;
}

double parse_plain_number(std::string_view text) {
  auto t = trim(text);
  auto n = leading_number(t, "a number");
  if (!n || n->second != t.size()) throw UnitError("'" + std::string(text) + "' is not a number", "a number");
  if (!std::isfinite(n->first)) throw UnitError("'" + std::string(text) + "' is not a finite number", "a finite number");
  return n->first;
}

double parse_quantity(std::string_view text, Quantity q, double plain_factor) {
  const std::string shown(text);
  const std::string allowed = allowed_units(q);
  auto t = trim(text);
  if (t.empty()) throw UnitError("empty value", allowed);
  auto n = leading_number(t, allowed);
  if (!n) throw UnitError("'" + shown + "' does not start with a number", allowed);
  if (!std::isfinite(n->first)) throw UnitError("'" + shown + "' is not a finite number", allowed);
  auto unit = trim(t.substr(n->second));
  // A finite number times its unit's factor can still overflow ("1e308GW").
  auto finite = [&](double v) {
    if (!std::isfinite(v)) throw UnitError("'" + shown + "' is too large", allowed);
    return v;
  };
  if (unit.empty()) return finite(n->first * plain_factor);
  for (const auto& u : kUnits) {
    if (unit != u.name) continue;
    if (u.kind != q)
      throw UnitError("'" + shown + "' is " + kind_name(u.kind) + ", not " + kind_name(q), allowed);
    return finite(n->first * u.factor);
  }
  throw UnitError("unknown unit '" + std::string(unit) + "' in '" + shown + "'", allowed);
}

}  // namespace sovcap::config
