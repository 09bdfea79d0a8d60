#pragma once
// Power usage effectiveness as a function of the outdoor temperature.
#include "models/power/params.hpp"

namespace sovcap::power {

// constant: p.pue. free_cooling: pue_min up to free_below_c (economiser does
// the work), then + pue_slope_per_c per degree above (chillers take over),
// capped at pue_max.
double pue_at(const CoolingParams& p, double ambient_c);

}  // namespace sovcap::power
