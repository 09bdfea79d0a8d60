#pragma once
// How a site rejects its heat, and the water that costs. Four modes:
//   dry          air-cooled (dry coolers, economisers): no water; the plant
//                works against the dry-bulb temperature;
//   adiabatic    dry coolers whose intake air is pre-cooled by wetted pads
//                when it is hot: water only above adiabatic_above_c;
//   evaporative  an open cooling tower: cold water at the wet bulb plus the
//                approach; evaporation, blowdown and drift;
//   liquid       closed-loop direct-to-chip liquid with dry coolers: no water
//                (its lower PUE is set through the PUE curve).
#include <utility>

namespace sovcap::water {

enum class CoolingMode { dry, adiabatic, evaporative, liquid };
// Each mode with its name in scenarios.
inline constexpr std::pair<CoolingMode, const char*> kCoolingModeNames[] = {{CoolingMode::dry, "dry"},
                                                                            {CoolingMode::adiabatic, "adiabatic"},
                                                                            {CoolingMode::evaporative, "evaporative"},
                                                                            {CoolingMode::liquid, "liquid"}};

struct CoolingWaterParams {
  CoolingMode mode = CoolingMode::dry;
  double approach_c = 4;                 // tower: cold water above the wet bulb
  double range_c = 5.6;                  // tower: hot minus cold water (sets the circulating flow)
  double evaporated_fraction = 0.85;     // tower: share of the heat carried away by evaporation
  double cycles_of_concentration = 4;    // tower and pads: make-up salts / blowdown salts (> 1)
  double drift_fraction = 0.0005;        // tower: of the circulating flow, lost as droplets
  double adiabatic_effectiveness = 0.8;  // pads: share of (dry bulb - wet bulb) removed from the air
  double adiabatic_above_c = 25;         // pads run only above this dry bulb
  double coil_air_rise_c = 10;           // pads: air temperature rise across the dry coil
};

// The temperature the cooling plant works against, which drives the PUE curve.
double cooling_temperature_c(const CoolingWaterParams& p, double dry_bulb_c, double wet_bulb_c);

struct StepWater {
  double evaporation_m3 = 0, blowdown_m3 = 0, drift_m3 = 0;
  double total_m3() const { return evaporation_m3 + blowdown_m3 + drift_m3; }
};

// Water used over length_s while rejecting heat_mw (mean), from the energy
// balance: evaporation = f Q / h_fg (tower) or the pads' share of the air's
// sensible heat; blowdown = evaporation / (cycles - 1); drift = drift_fraction x
// circulating flow, the flow being Q / (c_p range).
StepWater water_use(const CoolingWaterParams& p, double heat_mw, double dry_bulb_c, double wet_bulb_c,
                    double length_s);

constexpr double kWaterDensityKgPerM3 = 1000;
constexpr double kWaterHeatCapacityJPerKgK = 4186;

}  // namespace sovcap::water
