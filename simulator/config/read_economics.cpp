// Costs and water: each site's `costs`, `tariff` and `water`, and the top-level
// `economics` section (currency, finance, links built new). Prices stay in the
// scenario's currency here; the engine converts them to US dollars once.
#include <algorithm>

#include "simulator/config/draft.hpp"
#include "simulator/config/enum_names.hpp"

namespace sovcap::config {
namespace {

using economics::AssetKind;

const Range kLife = Range{0, 200, true, false};
const Range kRate = between(-0.5, 1);  // real discount and escalation rates, per year

// The per-size key of each asset, in the unit its size is counted in.

void read_price(Ctx& ctx, const Node* node, const std::string& path, const Place& fallback, AssetKind k,
                economics::AssetPrice& p) {
  std::vector<std::string> keys = {"fixed", economics::asset_info(k).price_key, "life", "replacement", "om_fraction", "om_per_year",
                                   economics::asset_info(k).embodied_key};
  if (k == AssetKind::battery) keys.insert(keys.end(), {"per_mwh", "embodied_mwh"});
  MapReader m(ctx, node, path, keys, fallback);
  p.fixed = m.number("fixed", p.fixed, non_negative());
  p.per_size = m.number(economics::asset_info(k).price_key, p.per_size, non_negative());
  p.life_years = m.number("life", p.life_years, kLife);
  p.replacement_fraction = m.number("replacement", p.replacement_fraction, between(0, 10));
  p.om_fraction = m.number("om_fraction", p.om_fraction, fraction());
  p.om_per_year = m.number("om_per_year", p.om_per_year, non_negative());
  p.embodied_t_per_size = m.number(economics::asset_info(k).embodied_key, p.embodied_t_per_size, non_negative());
  if (k == AssetKind::battery) {
    p.per_mwh = m.number("per_mwh", p.per_mwh, non_negative());
    p.embodied_t_per_mwh = m.number("embodied_mwh", p.embodied_t_per_mwh, non_negative());
  }
}

void read_costs(Ctx& ctx, const MapReader& site, economics::SitePrices& prices) {
  std::vector<std::string> assets;
  for (size_t k = 0; k < economics::kAssetKinds; ++k)
    if (static_cast<AssetKind>(k) != AssetKind::link) assets.push_back(economics::asset_info(static_cast<AssetKind>(k)).name);
  MapReader m(ctx, site.get("costs"), site.path("costs"), assets, site.place());
  for (size_t k = 0; k < economics::kAssetKinds; ++k) {
    auto kind = static_cast<AssetKind>(k);
    if (kind == AssetKind::link) continue;
    const char* name = economics::asset_info(kind).name;
    read_price(ctx, m.get(name), m.path(name), m.place(name), kind, prices[k]);
  }
}

void read_tariff(Ctx& ctx, const MapReader& site, TariffSpec& t) {
  MapReader m(ctx, site.get("tariff"), site.path("tariff"),
              {"energy", "periods", "utc_offset", "subscribed", "subscribed_price", "demand_price"}, site.place());
  t.energy_per_kwh = m.number("energy", t.energy_per_kwh, non_negative());
  t.utc_offset_h = m.number("utc_offset", t.utc_offset_h, between(-12, 14));
  if (m.has("subscribed")) t.subscribed_mw = m.quantity("subscribed", Quantity::power, 0.0, non_negative());
  t.subscribed_per_kw_year = m.number("subscribed_price", t.subscribed_per_kw_year, non_negative());
  t.demand_per_kw_month = m.number("demand_price", t.demand_per_kw_month, non_negative());
  const Node* list = m.list("periods");
  if (!list) return;
  std::array<int, 24> covered{};
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader pm(ctx, &item, item_path(m.path("periods"), item, i), {"name", "from", "to", "price"}, item.place);
    TariffSpec::Period p;
    p.name = pm.text("name", "period" + std::to_string(i));
    p.from_h = static_cast<double>(pm.integer("from", std::nullopt, between(0, 23)));
    p.to_h = static_cast<double>(pm.integer("to", std::nullopt, between(0, 24)));
    p.price_per_kwh = pm.number("price", std::nullopt, non_negative());
    const int from = static_cast<int>(p.from_h), to = static_cast<int>(p.to_h) % 24;
    if (from == to && p.to_h != 24)
      ctx.error(pm.place("to"), pm.path("to"), "an empty period (from == to)", "to != from; to < from wraps past midnight");
    const int hours = from == to ? 24 : (to - from + 24) % 24;
    for (int k = 0; k < hours && from != to; ++k) {
      const int h = (from + k) % 24;
      if (++covered[static_cast<size_t>(h)] == 2)
        ctx.error(item.place, pm.path(), "hour " + std::to_string(h) + " is in two periods", "periods that do not overlap");
    }
    t.periods.push_back(p);
  }
}

void read_water(Ctx& ctx, const MapReader& site, WaterSpec& w) {
  MapReader m(ctx, site.get("water"), site.path("water"), {"source", "price", "desalination"}, site.place());
  w.source = choose(m, "source", WaterSpec::kSourceNames, WaterSpec::Source::municipal);
  w.price_per_m3 = m.number("price", w.price_per_m3, non_negative());
  MapReader d(ctx, m.get("desalination"), m.path("desalination"), {"capacity", "energy", "min_load", "recovery"}, m.place());
  w.desal.capacity_m3_per_h = d.number("capacity", w.desal.capacity_m3_per_h, non_negative());
  w.desal.kwh_per_m3 = d.number("energy", w.desal.kwh_per_m3, between(0.5, 20));
  w.desal.min_load_fraction = d.number("min_load", w.desal.min_load_fraction, fraction());
  w.desal.recovery_fraction = d.number("recovery", w.desal.recovery_fraction, Range{0, 1, true, false});
  if (w.source == WaterSpec::Source::desalination && !(w.desal.capacity_m3_per_h > 0))
    ctx.error(d.has("capacity") ? d.place("capacity") : m.place("source"), d.path("capacity"),
              "a desalination source needs a plant", "a capacity in m3/h > 0");
}

}  // namespace

void read_site_economics(Ctx& ctx, const MapReader& site, SiteSpec& s) {
  read_costs(ctx, site, s.prices);
  read_tariff(ctx, site, s.tariff);
  read_water(ctx, site, s.water);
}

void read_economics_section(Ctx& ctx, MapReader& root, Draft& d) {
  auto& e = d.sc.economics;
  MapReader m(ctx, root.get("economics"), "economics",
              {"currency", "usd_per_currency", "discount_rate", "analysis_years", "om_escalation",
               "electricity_escalation", "links"},
              root.place());
  static const std::vector<std::string> currencies = {"USD", "MAD", "EUR"};
  e.currency = currencies[static_cast<size_t>(m.choice("currency", currencies, 0))];
  if (e.currency == "USD") {
    e.usd_per_currency = m.number("usd_per_currency", 1.0, Range{1, 1, false, false});
  } else if (!m.has("usd_per_currency")) {
    ctx.error(m.place("currency"), m.path("usd_per_currency"), "prices in " + e.currency + " need an exchange rate",
              "usd_per_currency: US dollars per " + e.currency + " (> 0), e.g. 0.10 for MAD");
  } else {
    e.usd_per_currency = m.number("usd_per_currency", 1.0, positive());
  }
  e.finance.discount_rate = m.number("discount_rate", e.finance.discount_rate, Range{-0.5, 1, true, false});
  e.finance.analysis_years = static_cast<double>(m.integer("analysis_years", 20, between(1, 100)));
  e.finance.om_escalation_rate = m.number("om_escalation", e.finance.om_escalation_rate, kRate);
  e.finance.electricity_escalation_rate = m.number("electricity_escalation", e.finance.electricity_escalation_rate, kRate);
  // A map of link id -> prices: the links built new (existing links cost nothing here).
  const Node* ln = m.get("links");
  if (!ln || ln->is_null()) return;
  if (!ln->is_map()) {
    ctx.error(ln->place, m.path("links"), std::string("expected a map, found ") + ln->kind_name(),
              "link id: {per_km: ..., life: ...}");
    return;
  }
  for (const auto& entry : ln->entries) {
    EconomicsSpec::Link l;
    l.id = entry.key;
    const std::string path = m.path("links") + "." + l.id;
    auto it = std::find_if(d.sc.topology.links.begin(), d.sc.topology.links.end(),
                           [&](const network::LinkSpec& s) { return s.id == l.id; });
    if (it == d.sc.topology.links.end())
      ctx.error(entry.key_place, path, "unknown link '" + l.id + "'", "the id of a link in network.links");
    read_price(ctx, &entry.value, path, entry.key_place, AssetKind::link, l.price);
    e.links.push_back(l);
  }
}

}  // namespace sovcap::config
