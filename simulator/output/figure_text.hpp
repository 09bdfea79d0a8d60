#pragma once
// How a reader sees a figure: its value in the registry's display format (counts and decimals with
// thousands separators, fractions as percent, durations as "11 min 35 s" / "5.6 h"), and the unit shown
// beside it. `sovcap summary` prints these; the Python tools (tools/sovcap_tools/registry.py) follow the
// same rules, so a figure reads the same in the terminal, the report and the dashboard.
#include <string>

#include "simulator/output/figures.hpp"

namespace sovcap::output {

// A number of seconds as a duration: under a minute "8.0 s" (under 10 s) or "42 s"; under an hour
// "11 min 35 s" ("5 min" on the minute); under two days "5.6 h"; else "365.0 days". "-" for NaN.
std::string duration_text(double seconds);
// From this size on, fixed-decimal figures are shown whole ("3,443,234", not "3,443,234.4").
inline constexpr double kWholeFrom = 100000.0;
// `v` as `f.format` says: "1,056.4", "3,443,234", "2,398,953,390", "86.4", "11 min 35 s"; "-" for NaN.
std::string value_text(const Figure& f, double v);
// The unit beside it: "%" for a fraction shown as percent, nothing for counts, ratios and durations
// (the duration carries its own), else the declared unit.
std::string unit_text(const Figure& f);

}  // namespace sovcap::output
