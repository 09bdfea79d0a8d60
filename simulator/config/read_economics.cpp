// Costs and water: each site's `costs`, `tariff` and `water`, and the top-level
// `economics` section (currency, finance, links built new). Prices stay in the
// scenario's currency here; the engine converts them to US dollars once.
#include <algorithm>

#include "simulator/config/draft.hpp"
#include "simulator/config/enum_names.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_economics.hpp"

namespace sovcap::config {
namespace {

using economics::AssetKind;

// An asset's prices: the keys of its unit of size (price_keys).
void read_price(Ctx& ctx, const Node* node, const std::string& path, const Place& fallback, AssetKind k,
                economics::AssetPrice& p) {
  MapReader m(ctx, node, path, key_names(price_keys(k)), fallback);
  read_keys(ctx, m, price_keys(k), p, ReadEnv{});
}

void read_costs(Ctx& ctx, const MapReader& site, economics::SitePrices& prices) {
  MapReader m(ctx, site.get("costs"), site.path("costs"), key_names(cost_keys()), site.place());
  for (size_t k = 0; k < economics::kAssetKinds; ++k) {
    auto kind = static_cast<AssetKind>(k);
    if (kind == AssetKind::link) continue;
    const char* name = economics::asset_info(kind).name;
    read_price(ctx, m.get(name), m.path(name), m.place(name), kind, prices[k]);
  }
}

void read_tariff(Ctx& ctx, const MapReader& site, TariffSpec& t) {
  MapReader m(ctx, site.get("tariff"), site.path("tariff"), key_names(tariff_keys()), site.place());
  read_keys(ctx, m, tariff_keys(), t, ReadEnv{});
  const Node* list = m.list("periods");
  if (!list) return;
  std::array<int, 24> covered{};
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader pm(ctx, &item, item_path(m.path("periods"), item, i), key_names(tariff_period_keys()), item.place);
    TariffSpec::Period p;
    p.name = "period" + std::to_string(i);  // the declared default
    read_keys(ctx, pm, tariff_period_keys(), p, ReadEnv{});
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
  MapReader m(ctx, site.get("water"), site.path("water"), key_names(water_keys()), site.place());
  read_keys(ctx, m, water_keys(), w, ReadEnv{});
  MapReader d(ctx, m.get("desalination"), m.path("desalination"), key_names(desalination_keys()), m.place());
  read_keys(ctx, d, desalination_keys(), w.desal, ReadEnv{});
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
  MapReader m(ctx, root.get("economics"), "economics", key_names(economics_keys()), root.place());
  read_key(ctx, m, economics_keys().at("currency"), e, ReadEnv{});
  // The exchange rate: 1 with US dollars, required with any other currency.
  if (e.currency == "USD") {
    e.usd_per_currency = m.number("usd_per_currency", 1.0, Range{1, 1, false, false});
  } else if (!m.has("usd_per_currency")) {
    ctx.error(m.place("currency"), m.path("usd_per_currency"), "prices in " + e.currency + " need an exchange rate",
              "usd_per_currency: US dollars per " + e.currency + " (> 0), e.g. 0.10 for MAD");
  } else {
    read_key(ctx, m, economics_keys().at("usd_per_currency"), e, ReadEnv{});
  }
  read_keys(ctx, m, economics_keys(), e, ReadEnv{}, {"currency", "usd_per_currency"});
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
