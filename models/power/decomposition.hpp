#pragma once
// Splitting a measured or modelled GHI into direct and diffuse parts.
#include "models/power/clear_sky.hpp"

namespace sovcap::power {

// Diffuse fraction of GHI from the clearness index kt = GHI / (I0 cos z)
// (Erbs, Klein & Duffie 1982, Solar Energy 28(4), 293-302).
double erbs_diffuse_fraction(double kt);

// GHI -> {GHI, DNI, DHI} by Erbs; zero with the sun below the horizon. DNI is
// capped at the extraterrestrial value (near the horizon 1/cos z explodes).
Irradiance split_erbs(double ghi_wm2, double zenith_deg, int day_of_year);

}  // namespace sovcap::power
