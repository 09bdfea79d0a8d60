#include "models/power/cooling.hpp"

#include <algorithm>

namespace sovcap::power {

double pue_at(const CoolingParams& p, double ambient_c) {
  if (p.model == CoolingParams::Model::constant) return p.pue;
  const double above = std::max(0.0, ambient_c - p.free_below_c);
  return std::min(p.pue_max, p.pue_min + p.pue_slope_per_c * above);
}

}  // namespace sovcap::power
