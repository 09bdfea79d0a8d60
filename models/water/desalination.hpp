#pragma once
// A seawater reverse-osmosis plant sized in m3/h of product water. It cannot
// turn down below a minimum load while on (membranes and high-pressure pumps),
// so at low demand it makes more than asked (the surplus goes to the site's
// tank or the town); above its capacity the site is short.
namespace sovcap::water {

struct DesalParams {
  double capacity_m3_per_h = 0;   // product water
  double kwh_per_m3 = 3.5;        // of product water
  double min_load_fraction = 0.5; // of capacity, while running
  double recovery_fraction = 0.45;// product / seawater intake
};

struct DesalOperation {
  double product_m3_per_h = 0, intake_m3_per_h = 0, brine_m3_per_h = 0;
  double power_mw = 0;            // product x kWh/m3
  double shortfall_m3_per_h = 0;  // demand beyond capacity
};

// At a demand of demand_m3_per_h (>= 0). No demand: the plant is off.
DesalOperation desalinate(const DesalParams& p, double demand_m3_per_h);

}  // namespace sovcap::water
