// The declarations of the economics' keys: currency and finance, a site's tariff and water.
// Defaults not written here are the model's own.
#include "simulator/config/keys_economics.hpp"

#include "simulator/config/enum_names.hpp"

namespace sovcap::config {
namespace {

using namespace keys;
using water::DesalParams;
using Q = Quantity;
using Period = TariffSpec::Period;

constexpr Range kRate = between(-0.5, 1);  // real escalation rates, per year

constexpr Key<EconomicsSpec> kEconomics[] = {
    choice<EconomicsSpec>(
        "currency", [](const EconomicsSpec& e) { return e.currency.c_str(); },
        [](EconomicsSpec& e, const std::string& s) { e.currency = s; },
        [] { return std::vector<std::string>(std::begin(kCurrencies), std::end(kCurrencies)); },
        "of every price in the scenario; results are in US dollars"),
    number<EconomicsSpec>("usd_per_currency", SOVCAP_AT(usd_per_currency), "USD", positive(),
                          "US dollars per unit of the currency, applied once; 1 with USD")
        .default_in_words("1 with USD; required otherwise"),
    number<EconomicsSpec>("discount_rate", SOVCAP_AT(finance.discount_rate), "1/y", Range{-0.5, 1, true, false},
                          "real discount rate"),
    whole<EconomicsSpec>("analysis_years", SOVCAP_AT(finance.analysis_years), between(1, 100), "years the costs cover",
                         "y"),
    number<EconomicsSpec>("om_escalation", SOVCAP_AT(finance.om_escalation_rate), "1/y", kRate,
                          "yearly rise of O&M and water prices"),
    number<EconomicsSpec>("electricity_escalation", SOVCAP_AT(finance.electricity_escalation_rate), "1/y", kRate,
                          "yearly rise of the grid bill"),
    map<EconomicsSpec>("links", nullptr,
                       "links built new: a map of link id (of network.links) to its prices (prices.per_km)")
        .allowed("{link id: {per_km: ..., life: ...}}")
        .default_in_words("none"),
};

constexpr Key<TariffSpec> kTariff[] = {
    number<TariffSpec>("energy", SOVCAP_AT(energy_per_kwh), "per kWh", non_negative(), "price of hours no period names"),
    list<TariffSpec>("periods", "sites.tariff.periods", "priced hours of the day; periods may not overlap"),
    number<TariffSpec>("utc_offset", SOVCAP_AT(utc_offset_h), "h", between(-12, 14), "the tariff's clock is UTC + this"),
    quantity<TariffSpec>("subscribed", SOVCAP_AT(subscribed_mw), Q::power, "MW", non_negative(),
                         "the subscribed power that subscribed_price is paid on")
        .default_in_words("the grid import limit, or the run's highest import when unlimited")
        .written_when([](const TariffSpec& t) { return t.subscribed_mw >= 0; }),
    number<TariffSpec>("subscribed_price", SOVCAP_AT(subscribed_per_kw_year), "per kW-year", non_negative(),
                       "price of the subscribed power"),
    number<TariffSpec>("demand_price", SOVCAP_AT(demand_per_kw_month), "per kW-month", non_negative(),
                       "price of each calendar month's highest step-mean import"),
};

constexpr Key<Period> kPeriod[] = {
    text<Period>("name", SOVCAP_AT(name), "the period's name").default_in_words("periodN, N its index from 0"),
    whole<Period>("from", SOVCAP_AT(from_h), between(0, 23), "first hour, on the tariff's clock", "h").required(),
    whole<Period>("to", SOVCAP_AT(to_h), between(0, 24), "end hour, excluded; to < from wraps past midnight", "h")
        .required(),
    number<Period>("price", SOVCAP_AT(price_per_kwh), "per kWh", non_negative(), "price of the period's hours").required(),
};

constexpr Key<WaterSpec> kWater[] = {
    choice<WaterSpec>("source", SOVCAP_SPELLED(source, WaterSpec::kSourceNames), "where the site's water comes from"),
    number<WaterSpec>("price", SOVCAP_AT(price_per_m3), "per m3", non_negative(), "price of municipal water"),
    map<WaterSpec>("desalination", "sites.water.desalination",
                   "the site's desalination plant; its electricity is a load on the site's power balance"),
};

constexpr Key<DesalParams> kDesalination[] = {
    number<DesalParams>("capacity", SOVCAP_AT(capacity_m3_per_h), "m3/h", non_negative(),
                        "product water; > 0 when the source is desalination"),
    number<DesalParams>("energy", SOVCAP_AT(kwh_per_m3), "kWh/m3", between(0.5, 20), "electricity per m3 of product"),
    number<DesalParams>("min_load", SOVCAP_AT(min_load_fraction), "1", fraction(), "share of capacity while on"),
    number<DesalParams>("recovery", SOVCAP_AT(recovery_fraction), "1", Range{0, 1, true, false}, "product / intake"),
};

// Prices: the same keys for every asset, but for the unit of size (a key per MW, per node, ...), in
// the resolved YAML's order. Defaults are each asset's own (docs/economics.md gives them and their sources).
constexpr const char* kAssetDefault = "the asset's (docs/economics.md)";
constexpr Range kLife = Range{0, 200, true, false};

#define SOVCAP_PRICE_HEAD(per, per_meaning)                                                                      \
  number<AssetPrice>("fixed", SOVCAP_AT(fixed), "currency", non_negative(), "per installation (none when not built)") \
      .default_in_words(kAssetDefault),                                                                           \
      number<AssetPrice>(per, SOVCAP_AT(per_size), "currency", non_negative(), per_meaning).default_in_words(kAssetDefault)
#define SOVCAP_PRICE_TAIL(embodied, embodied_meaning)                                                            \
  number<AssetPrice>("life", SOVCAP_AT(life_years), "y", kLife, "years before replacement").default_in_words(kAssetDefault), \
      number<AssetPrice>("replacement", SOVCAP_AT(replacement_fraction), "1", between(0, 10),                    \
                         "replacement cost / capital")                                                            \
          .default_in_words(kAssetDefault),                                                                       \
      number<AssetPrice>("om_fraction", SOVCAP_AT(om_fraction), "1/y", fraction(), "fixed O&M a year, share of capital") \
          .default_in_words(kAssetDefault),                                                                       \
      number<AssetPrice>("om_per_year", SOVCAP_AT(om_per_year), "currency/y", non_negative(), "fixed O&M a year, on top") \
          .default_in_words(kAssetDefault),                                                                       \
      number<AssetPrice>(embodied, SOVCAP_AT(embodied_t_per_size), "tCO2e", non_negative(), embodied_meaning)     \
          .default_in_words(kAssetDefault)

using economics::AssetPrice;

constexpr Key<AssetPrice> kPricePerMw[] = {
    SOVCAP_PRICE_HEAD("per_mw", "per MW (solar MWp; wind; grid import; facility and cooling per MW of IT)"),
    SOVCAP_PRICE_TAIL("embodied_mw", "embodied carbon per MW"),
};
constexpr Key<AssetPrice> kPriceBattery[] = {
    SOVCAP_PRICE_HEAD("per_mw", "per MW of discharge power"),
    number<AssetPrice>("per_mwh", SOVCAP_AT(per_mwh), "currency", non_negative(), "per MWh of energy")
        .default_in_words(kAssetDefault),
    SOVCAP_PRICE_TAIL("embodied_mw", "embodied carbon per MW"),
    number<AssetPrice>("embodied_mwh", SOVCAP_AT(embodied_t_per_mwh), "tCO2e", non_negative(), "embodied carbon per MWh")
        .default_in_words(kAssetDefault),
};
constexpr Key<AssetPrice> kPricePerNode[] = {
    SOVCAP_PRICE_HEAD("per_node", "per server"),
    SOVCAP_PRICE_TAIL("embodied_node", "embodied carbon per server"),
};
constexpr Key<AssetPrice> kPricePerM3h[] = {
    SOVCAP_PRICE_HEAD("per_m3h", "per m3/h of product water"),
    SOVCAP_PRICE_TAIL("embodied_m3h", "embodied carbon per m3/h"),
};
constexpr Key<AssetPrice> kPricePerKm[] = {
    SOVCAP_PRICE_HEAD("per_km", "per km of route (great circle x route_factor)"),
    SOVCAP_PRICE_TAIL("embodied_km", "embodied carbon per km"),
};

#undef SOVCAP_PRICE_HEAD
#undef SOVCAP_PRICE_TAIL

// In AssetKind order (link excluded: links are priced in economics.links).
constexpr Key<SiteSpec> kCosts[] = {
    map<SiteSpec>("solar", "prices.per_mw", "the solar plant"),
    map<SiteSpec>("wind", "prices.per_mw", "the wind farm"),
    map<SiteSpec>("battery", "prices.battery", "the battery"),
    map<SiteSpec>("grid", "prices.per_mw", "the grid connection, sized by the import limit"),
    map<SiteSpec>("facility", "prices.per_mw", "the building and power plant, per MW of IT (the pools' nodes x node_peak)"),
    map<SiteSpec>("cooling", "prices.per_mw", "the cooling plant, per MW of IT"),
    map<SiteSpec>("gpu_servers", "prices.per_node", "GPU servers"),
    map<SiteSpec>("cpu_servers", "prices.per_node", "CPU servers"),
    map<SiteSpec>("desalination", "prices.per_m3h", "the desalination plant"),
};

}  // namespace

KeyTable<SiteSpec> cost_keys() { return key_table("sites.costs", kCosts); }

KeyTable<AssetPrice> price_keys(economics::AssetKind kind) {
  const std::string per = economics::asset_info(kind).price_key;
  if (kind == economics::AssetKind::battery) return key_table("prices.battery", kPriceBattery);
  if (per == "per_node") return key_table("prices.per_node", kPricePerNode);
  if (per == "per_m3h") return key_table("prices.per_m3h", kPricePerM3h);
  if (per == "per_km") return key_table("prices.per_km", kPricePerKm);
  return key_table("prices.per_mw", kPricePerMw);
}

KeyTable<EconomicsSpec> economics_keys() { return key_table("economics", kEconomics); }
KeyTable<TariffSpec> tariff_keys() { return key_table("sites.tariff", kTariff); }
KeyTable<Period> tariff_period_keys() { return key_table("sites.tariff.periods", kPeriod); }
KeyTable<WaterSpec> water_keys() { return key_table("sites.water", kWater); }
KeyTable<DesalParams> desalination_keys() { return key_table("sites.water.desalination", kDesalination); }

}  // namespace sovcap::config
