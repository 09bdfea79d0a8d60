#include "models/water/desalination.hpp"

#include <algorithm>

namespace sovcap::water {

DesalOperation desalinate(const DesalParams& p, double demand_m3_per_h) {
  DesalOperation o;
  const double demand = std::max(0.0, demand_m3_per_h);
  if (demand <= 0 || p.capacity_m3_per_h <= 0) {
    o.shortfall_m3_per_h = demand;
    return o;
  }
  o.product_m3_per_h = std::clamp(demand, p.min_load_fraction * p.capacity_m3_per_h, p.capacity_m3_per_h);
  o.shortfall_m3_per_h = std::max(0.0, demand - p.capacity_m3_per_h);
  o.intake_m3_per_h = o.product_m3_per_h / p.recovery_fraction;
  o.brine_m3_per_h = o.intake_m3_per_h - o.product_m3_per_h;
  // m3/h x kWh/m3 = kW; / 1000 = MW.
  o.power_mw = o.product_m3_per_h * p.kwh_per_m3 / 1000.0;
  return o;
}

}  // namespace sovcap::water
