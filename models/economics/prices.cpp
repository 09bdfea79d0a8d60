#include "models/economics/prices.hpp"

namespace sovcap::economics {

const AssetInfo& asset_info(AssetKind k) {
  static const AssetInfo info[kAssetKinds] = {
      {"solar", "MW", "per_mw", "embodied_mw", true},
      {"wind", "MW", "per_mw", "embodied_mw", true},
      {"battery", "MW", "per_mw", "embodied_mw", true},
      {"grid", "MW", "per_mw", "embodied_mw", true},
      {"facility", "MW", "per_mw", "embodied_mw", false},
      {"cooling", "MW", "per_mw", "embodied_mw", false},
      {"gpu_servers", "node", "per_node", "embodied_node", false},
      {"cpu_servers", "node", "per_node", "embodied_node", false},
      {"desalination", "m3/h", "per_m3h", "embodied_m3h", false},
      {"link", "km", "per_km", "embodied_km", false},
  };
  return info[static_cast<int>(k)];
}

AssetPrice default_price(AssetKind k) {
  AssetPrice p;
  switch (k) {
    case AssetKind::solar:  // IRENA 2024: $691/kW installed; FOM 2.2 %/y (Danish Energy Agency)
      p.per_size = 691e3, p.life_years = 30, p.om_fraction = 0.022, p.embodied_t_per_size = 600;
      break;
    case AssetKind::wind:  // IRENA 2024: $1,041/kW; FOM 1.23 %/y (Danish Energy Agency)
      p.per_size = 1041e3, p.life_years = 25, p.om_fraction = 0.0123, p.embodied_t_per_size = 800;
      break;
    case AssetKind::battery:  // BNEF 2024 turnkey $165/kWh; O&M 2.5 %/y (REopt)
      p.per_mwh = 165e3, p.life_years = 15, p.om_fraction = 0.025, p.embodied_t_per_mwh = 75;
      break;
    case AssetKind::grid:  // assumption
      p.per_size = 100e3, p.life_years = 40, p.om_fraction = 0.01;
      break;
    case AssetKind::facility:  // Cushman & Wakefield 2025: $11.7M per MW of IT
      p.per_size = 11.7e6, p.life_years = 20, p.om_fraction = 0.02, p.embodied_t_per_size = 1000;
      break;
    case AssetKind::cooling:  // in the facility's price unless a variant adds to it
      p.life_years = 20;
      break;
    case AssetKind::gpu_servers:  // Epoch AI: $270k per 8-GPU server + interconnect 19 % of the cluster
      p.per_size = 333e3, p.life_years = 5, p.embodied_t_per_size = 3;
      break;
    case AssetKind::cpu_servers:  // assumption
      p.per_size = 20e3, p.life_years = 5, p.embodied_t_per_size = 1.5;
      break;
    case AssetKind::desalination:  // Danish Energy Agency: EUR 49k per m3/h (x 1.08 USD/EUR)
      p.per_size = 53e3, p.life_years = 25, p.om_fraction = 0.04;
      break;
    case AssetKind::link:  // between terrestrial fibre ($25-30/m) and submarine cable ($36k/km)
      p.per_size = 30e3, p.life_years = 25, p.om_fraction = 0.01;
      break;
  }
  return p;
}

SitePrices default_prices() {
  SitePrices p;
  for (size_t k = 0; k < kAssetKinds; ++k) p[k] = default_price(static_cast<AssetKind>(k));
  return p;
}

Asset priced_asset(AssetKind k, const AssetPrice& p, double size, double size_mwh, double usd_per_currency) {
  Asset a;
  a.name = asset_info(k).name;
  a.lifetime_years = p.life_years;
  if (!(size > 0) && !(size_mwh > 0)) return a;  // not built
  a.capital_usd = (p.fixed + p.per_size * size + p.per_mwh * size_mwh) * usd_per_currency;
  a.replacement_usd = p.replacement_fraction * a.capital_usd;
  a.om_usd_per_year = p.om_fraction * a.capital_usd + p.om_per_year * usd_per_currency;
  a.embodied_tco2 = p.embodied_t_per_size * size + p.embodied_t_per_mwh * size_mwh;
  return a;
}

}  // namespace sovcap::economics
