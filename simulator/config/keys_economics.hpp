#pragma once
// The keys of the `economics` section and of a site's `tariff` and `water` (keys_economics.cpp).
#include "models/water/desalination.hpp"
#include "simulator/config/keys.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

KeyTable<EconomicsSpec> economics_keys();          // economics
KeyTable<TariffSpec> tariff_keys();                // sites.tariff
KeyTable<TariffSpec::Period> tariff_period_keys(); // sites.tariff.periods
KeyTable<WaterSpec> water_keys();                  // sites.water
KeyTable<water::DesalParams> desalination_keys();  // sites.water.desalination

// The currencies prices may be given in.
inline constexpr const char* kCurrencies[] = {"USD", "MAD", "EUR"};

}  // namespace sovcap::config
