#pragma once
// The keys of the `economics` section and of a site's `costs`, `tariff` and `water` (keys_economics.cpp).
#include "models/economics/prices.hpp"
#include "models/water/desalination.hpp"
#include "simulator/config/keys.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

KeyTable<EconomicsSpec> economics_keys();          // economics
KeyTable<TariffSpec> tariff_keys();                // sites.tariff
KeyTable<TariffSpec::Period> tariff_period_keys(); // sites.tariff.periods
KeyTable<WaterSpec> water_keys();                  // sites.water
KeyTable<water::DesalParams> desalination_keys();  // sites.water.desalination
KeyTable<SiteSpec> cost_keys();                    // sites.costs: one map per asset
// An asset's prices, by the unit its size is counted in: prices.per_mw, prices.battery (per MW and
// per MWh), prices.per_node, prices.per_m3h, prices.per_km (economics.links).
KeyTable<economics::AssetPrice> price_keys(economics::AssetKind kind);

// The currencies prices may be given in.
inline constexpr const char* kCurrencies[] = {"USD", "MAD", "EUR"};

}  // namespace sovcap::config
