// The declarations of a site's keys: the site, its pools, its power system and its phases.
// Defaults not written here are the model's own (the field of a default-made struct).
#include "simulator/config/keys_sites.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "models/power/profile_csv.hpp"
#include "models/water/cooling_water.hpp"
#include "models/workload/params.hpp"
#include "simulator/config/enum_names.hpp"

namespace sovcap::config {
namespace {

using namespace keys;
using power::BatteryParams;
using power::ClimateParams;
using power::CoolingParams;
using power::GridParams;
using power::PowerPhase;
using power::SolarParams;
using power::WindParams;
using scheduling::PoolSpec;
using workload::PoolKind;
using Q = Quantity;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kKw = 1e-3;  // node powers: a plain number is kW
constexpr Range kHour = Range{0, 24, false, true};
constexpr Range kAutocorrelation = Range{0, 1, false, true};
constexpr Range kLoss = Range{0, 1, false, true};

// A profile CSV named by the scenario is read now, so that an empty, truncated or garbled file is bad
// input at its key (exit 2), not a run that fails later. The bounds: what each quantity can physically
// be (docs/power-profiles.md).
void check_profile(Ctx& ctx, MapReader& m, const char* key, const std::string& path, double lo, double hi,
                   const char* allowed) {
  if (path.empty()) return;  // no key, or a path that is not a regular file (reported)
  try {
    (void)power::Profile::read(path, power::ProfileBounds{lo, hi, allowed});
  } catch (const power::ProfileError& e) {
    std::string at = e.file() + (e.line() > 0 ? ":" + std::to_string(e.line()) : "");
    ctx.error(m.place(key), m.path(key), at + ": " + e.message(), "a CSV of timestamp,value rows");
  }
}

bool is_set(double x) { return !std::isnan(x); }

const char* pool_kind(const PoolSpec& p) { return spelling(p.gpu ? PoolKind::gpu : PoolKind::cpu, workload::kPoolKindNames); }

constexpr Key<SiteSpec> kSite[] = {
    id<SiteSpec>("id", SOVCAP_AT(id), "the site's id").required(),
    text<SiteSpec>("name", SOVCAP_AT(name), "the site's name in results")
        .derived("the id", [](SiteSpec& s) { s.name = s.id; }),
    id<SiteSpec>("node", SOVCAP_AT(node), "the backbone node it attaches to (see \"Nodes\" below)")
        .derived("its own node, named by the id", [](SiteSpec& s) { s.node = s.id; }),
    flag<SiteSpec>("sovereign", SOVCAP_AT(sovereign), "may host public-sector data"),
    number<SiteSpec>("latitude", SOVCAP_AT(power.location.latitude_deg), "deg", between(-90, 90),
                     "north positive; also the site node's coordinates").required(),
    number<SiteSpec>("longitude", SOVCAP_AT(power.location.longitude_deg), "deg", between(-180, 180), "east positive")
        .required(),
    number<SiteSpec>("elevation", SOVCAP_AT(power.location.elevation_m), "m", between(-500, 9000), "above sea level"),
    list<SiteSpec>("pools", "sites.pools", "the compute pools: at most one gpu and one cpu pool").required(),
    map<SiteSpec>("solar", "sites.solar", "the solar plant"),
    map<SiteSpec>("wind", "sites.wind", "the wind farm"),
    map<SiteSpec>("climate", "sites.climate", "the ambient temperature and humidity"),
    map<SiteSpec>("cooling", "sites.cooling", "the PUE curve and how heat leaves the site"),
    map<SiteSpec>("battery", "sites.battery", "the battery"),
    map<SiteSpec>("grid", "sites.grid", "the grid connection and its carbon"),
    list<SiteSpec>("phases", "sites.phases", "capacity changes over time").default_in_words("none"),
    map<SiteSpec>("costs", "sites.costs", "what the site's assets cost (docs/economics.md)"),
    map<SiteSpec>("tariff", "sites.tariff", "how it pays for grid power"),
    map<SiteSpec>("water", "sites.water", "where its water comes from (docs/water.md)"),
};

constexpr Key<PoolSpec> kPool[] = {
    id<PoolSpec>("id", SOVCAP_AT(id), "the pool's id").derived("the kind", [](PoolSpec& p) { p.id = pool_kind(p); }),
    choice<PoolSpec>(
        "kind", [](const PoolSpec& p) { return pool_kind(p); },
        [](PoolSpec& p, const std::string& s) { p.gpu = named(s, workload::kPoolKindNames) == PoolKind::gpu; },
        [] { return spellings(workload::kPoolKindNames); }, "GPU servers or CPU servers"),
    whole<PoolSpec>("nodes", SOVCAP_AT(nodes), between(1, 1e7), "servers in the pool").required(),
    whole<PoolSpec>("units_per_node", SOVCAP_AT(units_per_node), between(1, 1e6), "GPUs or cores per server")
        .derived("8 for gpu, 128 for cpu", [](PoolSpec& p) { p.units_per_node = p.gpu ? 8 : 128; }),
    quantity<PoolSpec>("node_peak", SOVCAP_AT(node_peak_kw), Q::power, "kW", positive(), "a server's power at full load",
                       kKw)
        .derived("10.2 kW for gpu (DGX H100 system maximum), 1 kW for cpu (assumption)",
                 [](PoolSpec& p) { p.node_peak_kw = p.gpu ? 10.2 : 1.0; }),
    quantity<PoolSpec>("node_idle", SOVCAP_AT(node_idle_kw), Q::power, "kW", non_negative(),
                       "a server's power when idle, <= node_peak", kKw)
        .derived("2.5 kW for gpu (about a quarter of the peak), 0.3 kW for cpu (assumption)",
                 [](PoolSpec& p) { p.node_idle_kw = p.gpu ? 2.5 : 0.3; }),
    number<PoolSpec>("min_speed", SOVCAP_AT(min_speed), "1", between(0.01, 1.0),
                     "the slowest common speed power capping may throttle running jobs to"),
    quantity<PoolSpec>("mtbf", SOVCAP_AT(node_mtbf_s), Q::duration, "s", non_negative(),
                       "mean time between failures of one node; 0 = nodes never fail (docs/scheduling.md)")
        .written_when([](const PoolSpec& p) { return p.node_mtbf_s > 0; }),
    quantity<PoolSpec>("mttr", SOVCAP_AT(node_mttr_s), Q::duration, "s", non_negative(),
                       "mean time to repair a failed node; > 0 when mtbf is")
        .written_when([](const PoolSpec& p) { return p.node_mtbf_s > 0; }),
};

constexpr Key<SolarParams> kSolar[] = {
    quantity<SolarParams>("capacity", SOVCAP_AT(capacity_mw), Q::power, "MW", non_negative(),
                          "DC nameplate at standard test conditions"),
    quantity<SolarParams>("inverter", SOVCAP_AT(inverter_mw), Q::power, "MW", non_negative(),
                          "AC limit; 0 = capacity / 1.2"),
    number<SolarParams>("tilt", SOVCAP_AT(tilt_deg), "deg", between(0, 90), "panel tilt (ignored with tracking)"),
    number<SolarParams>("azimuth", SOVCAP_AT(azimuth_deg), "deg", between(0, 360), "panel azimuth, 180 = facing south"),
    flag<SolarParams>("tracking", SOVCAP_AT(single_axis_tracking), "single-axis (north-south axis) tracking"),
    number<SolarParams>("temp_coeff", SOVCAP_AT(temp_coeff_per_c), "1/C", between(-0.02, 0),
                        "power change per degree of cell temperature"),
    number<SolarParams>("dc_loss", SOVCAP_AT(dc_loss_fraction), "1", kLoss, "DC system losses"),
    number<SolarParams>("inverter_efficiency", SOVCAP_AT(inverter_efficiency), "1", efficiency(), "inverter efficiency"),
    number<SolarParams>("linke_turbidity", SOVCAP_AT(linke_turbidity), "1", between(1, 10),
                        "the clear-sky model's air turbidity"),
    numbers<SolarParams>("clearness_monthly", SOVCAP_AT(clearness_monthly), "1", fraction(),
                         "12 mean clear-sky indices, January first; all 0 = 0.75 every month"),
    number<SolarParams>("cloud_autocorrelation", SOVCAP_AT(cloud_autocorrelation), "1", kAutocorrelation,
                        "hour-to-hour correlation of the clear-sky index"),
    file<SolarParams>("profile_csv", SOVCAP_AT(profile_csv),
                      "AC MW per MW of panels from a CSV instead of the model (docs/power-profiles.md)")
        .default_in_words("none")
        .checked([](Ctx& c, MapReader& m, const Key<SolarParams>& k, SolarParams& s) {
          check_profile(c, m, k.name, s.profile_csv, 0, 1.361,
                        "AC MW per MW of panels from 0 to 1.361: the solar constant, 1361 W/m2, over the 1000 W/m2 of a "
                        "panel's rating");
        }),
};

constexpr Key<WindParams> kWind[] = {
    quantity<WindParams>("capacity", SOVCAP_AT(capacity_mw), Q::power, "MW", non_negative(), "rated power of the farm"),
    // Physically possible winds: the Weibull scale (about the mean speed) below the strongest gust measured.
    number<WindParams>("weibull_k", SOVCAP_AT(weibull_k), "1", Range{0, 20, true, false}, "Weibull shape of wind speeds"),
    number<WindParams>("weibull_c", SOVCAP_AT(weibull_c_ms), "m/s", Range{0, 113, true, false},
                       "Weibull scale at hub height"),
    number<WindParams>("autocorrelation", SOVCAP_AT(autocorrelation), "1", kAutocorrelation,
                       "hour-to-hour correlation of wind speed"),
    number<WindParams>("seasonal_amplitude", SOVCAP_AT(seasonal_amplitude), "1", fraction(), "seasonal swing, fraction of c"),
    whole<WindParams>("seasonal_peak_day", SOVCAP_AT(seasonal_peak_day), between(1, 366), "day of year of the windiest season",
                      "d"),
    number<WindParams>("diurnal_amplitude", SOVCAP_AT(diurnal_amplitude), "1", fraction(), "daily swing, fraction of c"),
    number<WindParams>("diurnal_peak_hour", SOVCAP_AT(diurnal_peak_hour), "h", kHour, "local solar hour of the windiest time"),
    number<WindParams>("cut_in", SOVCAP_AT(cut_in_ms), "m/s", positive(), "turbines start; cut_in < rated < cut_out"),
    number<WindParams>("rated", SOVCAP_AT(rated_ms), "m/s", positive(), "turbines reach their rated power"),
    number<WindParams>("cut_out", SOVCAP_AT(cut_out_ms), "m/s", positive(), "turbines stop"),
    number<WindParams>("losses", SOVCAP_AT(losses_fraction), "1", kLoss, "availability, wake and electrical losses"),
    file<WindParams>("profile_csv", SOVCAP_AT(profile_csv), "hub-height wind speed from a CSV (docs/power-profiles.md)")
        .default_in_words("none")
        .checked([](Ctx& c, MapReader& m, const Key<WindParams>& k, WindParams& w) {
          check_profile(c, m, k.name, w.profile_csv, 0, 113,
                        "wind speed from 0 to 113 m/s, the strongest gust measured (1996)");
        }),
};

constexpr Key<ClimateParams> kClimate[] = {
    numbers<ClimateParams>("monthly_mean", SOVCAP_AT(monthly_mean_c), "C", between(-60, 60),
                           "12 mean daily temperatures, January first"),
    number<ClimateParams>("diurnal_swing", SOVCAP_AT(diurnal_swing_c), "C", between(0, 40), "peak-to-peak daily swing"),
    number<ClimateParams>("peak_hour", SOVCAP_AT(peak_hour_local), "h", kHour, "local hour of the warmest time"),
    file<ClimateParams>("profile_csv", SOVCAP_AT(profile_csv), "ambient temperature from a CSV (docs/power-profiles.md)")
        .default_in_words("none")
        .checked([](Ctx& c, MapReader& m, const Key<ClimateParams>& k, ClimateParams& p) {
          check_profile(c, m, k.name, p.profile_csv, -90, 60,
                        "ambient temperature from -90 to 60 C, beyond the extremes measured on Earth");
        }),
    numbers<ClimateParams>("monthly_rh", SOVCAP_AT(monthly_mean_rh_percent), "%", between(1, 100),
                           "12 mean relative humidities; the day's dew point is held, so humidity falls as the day warms")
        .default_in_words("60 % all year")
        .written_when([](const ClimateParams& c) {
          for (double v : c.monthly_mean_rh_percent)
            if (v != 0) return true;
          return false;
        }),
};

constexpr Key<CoolingParams> kCooling[] = {
    choice<CoolingParams>("model", SOVCAP_SPELLED(model, CoolingParams::kModelNames),
                          "constant PUE, or free cooling below a temperature"),
    number<CoolingParams>("pue", SOVCAP_AT(pue), "1", between(1, 5), "the constant model's PUE"),
    number<CoolingParams>("pue_min", SOVCAP_AT(pue_min), "1", between(1, 5), "free cooling: the PUE below free_below"),
    number<CoolingParams>("free_below", SOVCAP_AT(free_below_c), "C", between(-60, 60),
                          "free cooling: the temperature below which the PUE is pue_min"),
    number<CoolingParams>("pue_slope", SOVCAP_AT(pue_slope_per_c), "1/C", between(0, 1),
                          "free cooling: PUE rise per degree above free_below"),
    number<CoolingParams>("pue_max", SOVCAP_AT(pue_max), "1", between(1, 5), "free cooling: the highest PUE, >= pue_min"),
    choice<CoolingParams>("mode", SOVCAP_SPELLED(water.mode, water::kCoolingModeNames),
                          "how heat leaves the site (docs/water.md); dry uses no water and the PUE curve sees the dry "
                          "bulb; a tower sees wet bulb + approach, running pads the pre-cooled air"),
    number<CoolingParams>("approach", SOVCAP_AT(water.approach_c), "C", between(0, 20), "tower: cold water above the wet bulb"),
    number<CoolingParams>("range", SOVCAP_AT(water.range_c), "C", Range{0, 30, true, false},
                          "tower: hot minus cold water"),
    number<CoolingParams>("evaporated_fraction", SOVCAP_AT(water.evaporated_fraction), "1", fraction(),
                          "tower: share of the heat carried off by evaporation"),
    number<CoolingParams>("cycles", SOVCAP_AT(water.cycles_of_concentration), "1", Range{1, 50, true, false},
                          "cycles of concentration (make-up salts / blowdown salts)"),
    number<CoolingParams>("drift", SOVCAP_AT(water.drift_fraction), "1", between(0, 0.01),
                          "tower: share of the circulating flow lost as droplets"),
    number<CoolingParams>("adiabatic_effectiveness", SOVCAP_AT(water.adiabatic_effectiveness), "1", fraction(),
                          "pads: share of (dry bulb - wet bulb) removed from the air"),
    number<CoolingParams>("adiabatic_above", SOVCAP_AT(water.adiabatic_above_c), "C", between(-60, 60),
                          "pads run above this dry bulb"),
    number<CoolingParams>("coil_air_rise", SOVCAP_AT(water.coil_air_rise_c), "C", Range{0, 40, true, false},
                          "pads: air temperature rise across the dry coil"),
};

constexpr Key<BatteryParams> kBattery[] = {
    quantity<BatteryParams>("energy", SOVCAP_AT(energy_mwh), Q::energy, "MWh", non_negative(), "usable energy capacity"),
    quantity<BatteryParams>("charge", SOVCAP_AT(charge_mw), Q::power, "MW", non_negative(), "largest charging power")
        .derived("energy / 4 h (a 4-hour battery, assumption)", [](BatteryParams& b) { b.charge_mw = b.energy_mwh / 4; }),
    quantity<BatteryParams>("discharge", SOVCAP_AT(discharge_mw), Q::power, "MW", non_negative(), "largest discharging power")
        .derived("energy / 4 h", [](BatteryParams& b) { b.discharge_mw = b.energy_mwh / 4; }),
    number<BatteryParams>("round_trip_efficiency", SOVCAP_AT(round_trip_efficiency), "1", efficiency(),
                          "energy out / energy in, split as its square root over charge and discharge"),
    number<BatteryParams>("soc_min", SOVCAP_AT(soc_min_fraction), "1", fraction(), "lowest state of charge"),
    number<BatteryParams>("soc_max", SOVCAP_AT(soc_max_fraction), "1", fraction(), "highest state of charge, > soc_min"),
    number<BatteryParams>("self_discharge_per_day", SOVCAP_AT(self_discharge_per_day), "1/d", fraction(),
                          "share of the charge lost per day"),
    number<BatteryParams>("initial_soc", SOVCAP_AT(initial_soc_fraction), "1", fraction(),
                          "state of charge at the start, within [soc_min, soc_max]"),
    number<BatteryParams>("grid_charge_below", SOVCAP_AT(grid_charge_below_gco2_per_kwh), "gCO2/kWh", non_negative(),
                          "charge from the grid when its carbon is below this; 0 = never"),
};

constexpr Key<GridParams> kGrid[] = {
    quantity<GridParams>("import", SOVCAP_AT(import_mw), Q::power, "MW", non_negative(), "import limit; 0 = off-grid")
        .or_word("unlimited", kInf),
    quantity<GridParams>("export", SOVCAP_AT(export_mw), Q::power, "MW", non_negative(), "surplus sold to the grid, at most"),
    number<GridParams>("carbon", SOVCAP_AT(carbon_gco2_per_kwh), "gCO2/kWh", between(0, 2000), "grid carbon intensity"),
    numbers<GridParams>("carbon_hourly", SOVCAP_AT(carbon_hourly_factor), "1", non_negative(),
                        "24 factors on carbon by UTC hour; all 0 = flat; carbon x each at most 2000"),
    file<GridParams>("carbon_csv", SOVCAP_AT(carbon_csv), "grid carbon intensity from a CSV (docs/power-profiles.md)")
        .default_in_words("none")
        .checked([](Ctx& c, MapReader& m, const Key<GridParams>& k, GridParams& g) {
          check_profile(c, m, k.name, g.carbon_csv, 0, 2000,
                        "grid carbon intensity from 0 to 2000 gCO2/kWh (lignite plants emit about 1,100-1,200)");
        }),
};

constexpr Key<PowerPhase> kPhase[] = {
    time<PowerPhase>("at", SOVCAP_AT(at_s), true,
                     "when the phase enters service; before scenario.start = from the start; phases in time order")
        .required(),
    quantity<PowerPhase>("solar", SOVCAP_AT(solar_mw), Q::power, "MW", non_negative(), "solar capacity from then on")
        .default_in_words("unchanged")
        .written_when([](const PowerPhase& p) { return is_set(p.solar_mw); }),
    quantity<PowerPhase>("wind", SOVCAP_AT(wind_mw), Q::power, "MW", non_negative(), "wind capacity from then on")
        .default_in_words("unchanged")
        .written_when([](const PowerPhase& p) { return is_set(p.wind_mw); }),
    quantity<PowerPhase>("battery", SOVCAP_AT(battery_mwh), Q::energy, "MWh", non_negative(), "battery energy from then on")
        .default_in_words("unchanged")
        .written_when([](const PowerPhase& p) { return is_set(p.battery_mwh); }),
    quantity<PowerPhase>("grid_import", SOVCAP_AT(grid_import_mw), Q::power, "MW", non_negative(),
                         "grid import limit from then on")
        .or_word("unlimited", kInf)
        .default_in_words("unchanged")
        .written_when([](const PowerPhase& p) { return is_set(p.grid_import_mw); }),
};

}  // namespace

KeyTable<SiteSpec> site_keys() { return key_table("sites", kSite); }
KeyTable<PoolSpec> pool_keys() { return key_table("sites.pools", kPool); }
KeyTable<SolarParams> solar_keys() { return key_table("sites.solar", kSolar); }
KeyTable<WindParams> wind_keys() { return key_table("sites.wind", kWind); }
KeyTable<ClimateParams> climate_keys() { return key_table("sites.climate", kClimate); }
KeyTable<CoolingParams> cooling_keys() { return key_table("sites.cooling", kCooling); }
KeyTable<BatteryParams> battery_keys() { return key_table("sites.battery", kBattery); }
KeyTable<GridParams> grid_keys() { return key_table("sites.grid", kGrid); }
KeyTable<PowerPhase> phase_keys() { return key_table("sites.phases", kPhase); }

}  // namespace sovcap::config
