#pragma once
// The validated, typed scenario: what a config file means, units resolved to SI
// (seconds, MW, MWh, GB, Gbps as named). Built only by the loader.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/economics/finance.hpp"
#include "models/economics/prices.hpp"
#include "models/network/params.hpp"
#include "models/power/params.hpp"
#include "models/scheduling/params.hpp"
#include "models/workload/csv_trace.hpp"
#include "models/workload/swf_reader.hpp"
#include "models/workload/swf_selection.hpp"
#include "models/workload/params.hpp"
#include "models/water/desalination.hpp"

namespace sovcap::config {

// A site's grid tariff as written (prices in the scenario currency).
struct TariffSpec {
  struct Period {
    std::string name;
    double from_h = 0, to_h = 0;  // [from, to) on the tariff's clock; to < from wraps past midnight
    double price_per_kwh = 0;
  };
  double energy_per_kwh = 0.10;     // hours no period covers
  std::vector<Period> periods;
  double utc_offset_h = 0;
  double subscribed_mw = -1;        // -1: the grid import limit if finite, else the run's highest import
  double subscribed_per_kw_year = 0;
  double demand_per_kw_month = 0;
};

// Where a site's water comes from (prices in the scenario currency).
struct WaterSpec {
  enum class Source { municipal, desalination } source = Source::municipal;
  static constexpr std::pair<Source, const char*> kSourceNames[] = {{Source::municipal, "municipal"},
                                                                    {Source::desalination, "desalination"}};
  double price_per_m3 = 1.5;        // municipal supply
  water::DesalParams desal;         // desalination: its electricity is a load on the site
};

struct SiteSpec {
  std::string id;
  std::string name;
  std::string node;          // topology node id
  bool sovereign = false;    // may host public-service data
  std::vector<scheduling::PoolSpec> pools;
  power::SitePowerParams power;
  economics::SitePrices prices = economics::default_prices();
  TariffSpec tariff;
  WaterSpec water;
};

// The top-level `economics` section.
struct EconomicsSpec {
  std::string currency = "USD";     // of every price in the scenario
  double usd_per_currency = 1;
  economics::Finance finance;
  struct Link {
    std::string id;                 // a network link built new
    economics::AssetPrice price = economics::default_price(economics::AssetKind::link);
  };
  std::vector<Link> links;
};

struct Scenario {
  std::string name;
  std::string source_file;   // where it was loaded from
  int64_t start_utc_s = 0;   // Unix time of the start
  std::string start_utc;     // ISO 8601 as given
  double duration_s = 0;
  double step_s = 900;
  uint64_t seed = 1;
  std::vector<SiteSpec> sites;
  std::vector<workload::RegionSpec> regions;
  network::TopologySpec topology;
  // network.replication: every replication_every_s, replication_gb from each site to each other site.
  double replication_gb = 0;
  double replication_every_s = 3600;
  // network.inputs_in_flight: job inputs moving at once per region; later ones wait in order
  // (the flow solver's cost grows with the square of concurrent flows: docs/network.md).
  int inputs_in_flight = 16;
  std::vector<workload::JobClassSpec> classes;
  EconomicsSpec economics;
  scheduling::SchedulingSpec scheduling;
  // workload.trace: a CSV or SWF job trace replayed instead of the classes' synthetic
  // arrivals (absolute path; empty = synthetic). The loader parses and checks it
  // once; every region's stream shares the parsed rows. An SWF trace (.swf, .swf.gz)
  // is in swf_trace, with workload.swf's mapping in swf.
  std::string trace_path;
  std::shared_ptr<const workload::CsvTrace> trace;
  std::shared_ptr<const workload::SwfTrace> swf_trace;
  workload::SwfMapping swf;
  std::string resolved_yaml;  // the whole scenario, every default filled, re-loadable
};

}  // namespace sovcap::config
