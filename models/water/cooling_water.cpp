#include "models/water/cooling_water.hpp"

#include <algorithm>

#include "models/water/psychrometrics.hpp"

namespace sovcap::water {
namespace {
bool pads_on(const CoolingWaterParams& p, double dry_bulb_c) { return dry_bulb_c > p.adiabatic_above_c; }
}  // namespace

double cooling_temperature_c(const CoolingWaterParams& p, double dry_bulb_c, double wet_bulb_c) {
  switch (p.mode) {
    case CoolingMode::evaporative:
      return wet_bulb_c + p.approach_c;
    case CoolingMode::adiabatic:
      return pads_on(p, dry_bulb_c) ? dry_bulb_c - p.adiabatic_effectiveness * (dry_bulb_c - wet_bulb_c) : dry_bulb_c;
    case CoolingMode::dry:
    case CoolingMode::liquid:
      break;
  }
  return dry_bulb_c;
}

StepWater water_use(const CoolingWaterParams& p, double heat_mw, double dry_bulb_c, double wet_bulb_c,
                    double length_s) {
  StepWater w;
  const double heat_j = std::max(0.0, heat_mw) * 1e6 * length_s;
  if (heat_j <= 0) return w;
  double evaporated_kg = 0;
  if (p.mode == CoolingMode::evaporative) {
    // Latent heat at the cold-water temperature, where the tower evaporates.
    evaporated_kg = p.evaporated_fraction * heat_j / latent_heat_j_per_kg(wet_bulb_c + p.approach_c);
    const double circulating_kg = heat_j / (kWaterHeatCapacityJPerKgK * p.range_c);
    w.drift_m3 = p.drift_fraction * circulating_kg / kWaterDensityKgPerM3;
  } else if (p.mode == CoolingMode::adiabatic && pads_on(p, dry_bulb_c)) {
    // Air flow through the coil: Q / (c_p,air x rise); the pads cool it by
    // eff (Tdb - Twb), evaporating that sensible heat: c_p,air cancels.
    const double precool_c = p.adiabatic_effectiveness * std::max(0.0, dry_bulb_c - wet_bulb_c);
    evaporated_kg = heat_j * precool_c / p.coil_air_rise_c / latent_heat_j_per_kg(wet_bulb_c);
  }
  w.evaporation_m3 = evaporated_kg / kWaterDensityKgPerM3;
  if (evaporated_kg > 0) w.blowdown_m3 = w.evaporation_m3 / (p.cycles_of_concentration - 1);
  return w;
}

}  // namespace sovcap::water
