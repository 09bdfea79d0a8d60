#pragma once
// The resolved scenario for people: what `sovcap check` prints (column units and spellings from the
// keys' declarations).
#include <string>

#include "simulator/config/scenario.hpp"

namespace sovcap::config {

// Sites with their pools and power, regions, links, job classes and the
// scheduling policy, as aligned tables.
std::string describe(const Scenario& sc);

// "15 min", "2 h", "365 d", "90 s": the largest unit that divides the
// duration, else seconds with decimals.
std::string human_duration(double s);

}  // namespace sovcap::config
