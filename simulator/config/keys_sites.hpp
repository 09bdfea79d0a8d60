#pragma once
// The keys of a site (`sites`), its pools, power system and phases (keys_sites.cpp).
#include "models/power/params.hpp"
#include "models/scheduling/params.hpp"
#include "simulator/config/keys.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

KeyTable<SiteSpec> site_keys();                     // sites
KeyTable<scheduling::PoolSpec> pool_keys();         // sites.pools
KeyTable<power::SolarParams> solar_keys();          // sites.solar
KeyTable<power::WindParams> wind_keys();            // sites.wind
KeyTable<power::ClimateParams> climate_keys();      // sites.climate
KeyTable<power::CoolingParams> cooling_keys();      // sites.cooling
KeyTable<power::BatteryParams> battery_keys();      // sites.battery
KeyTable<power::GridParams> grid_keys();            // sites.grid
KeyTable<power::PowerPhase> phase_keys();           // sites.phases

}  // namespace sovcap::config
