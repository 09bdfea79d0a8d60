#pragma once
// What a scenario says each asset costs, per unit of its size, and the asset
// that results for a given size. Prices are in the scenario's currency; the
// asset is in US dollars (usd_per_currency converts once).
#include <array>
#include <cstddef>

#include "models/economics/finance.hpp"

namespace sovcap::economics {

enum class AssetKind : int { solar, wind, battery, grid, facility, cooling, gpu_servers, cpu_servers, desalination, link };
constexpr size_t kAssetKinds = 10;

struct AssetPrice {
  double fixed = 0;                 // per installation (0 size: not built, no fixed cost)
  double per_size = 0;              // per MW (solar MWp, wind, battery discharge, grid import, facility and
                                    // cooling per MW of IT), per node, per m3/h, per km
  double per_mwh = 0;               // battery only
  double life_years = 25;
  double replacement_fraction = 1;  // replacement cost / capital
  double om_fraction = 0;           // fixed O&M per year, share of capital
  double om_per_year = 0;           // fixed O&M per year, on top
  double embodied_t_per_size = 0;   // tCO2e per unit of size
  double embodied_t_per_mwh = 0;    // battery only
};

struct AssetInfo {
  const char* name;       // as in results: capital_<name>_usd
  const char* size_unit;  // "MW", "node", "m3/h", "km"
  const char* price_key;     // the scenario key of its price per unit: per_mw, per_node, per_m3h, per_km
  const char* embodied_key;  // ... of its embodied carbon per unit (tCO2e): embodied_mw, ...
  bool electricity_supply;  // counted in the LCOE
};

const AssetInfo& asset_info(AssetKind k);
// The built-in prices (US dollars), from published figures; docs/economics.md gives their sources.
AssetPrice default_price(AssetKind k);

// An asset of `size` units (and size_mwh for a battery) at these prices.
Asset priced_asset(AssetKind k, const AssetPrice& p, double size, double size_mwh, double usd_per_currency);

using SitePrices = std::array<AssetPrice, kAssetKinds>;  // by AssetKind (link unused per site)
SitePrices default_prices();

}  // namespace sovcap::economics
