// The file the writer produces has every dataset and attribute that docs/results.md's
// schema (and the registry) names, read back with the bare C API.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "tests/common/h5_probe.hpp"
#include "result_fixture.hpp"
#include "simulator/output/figures.hpp"

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

struct Visit {
  std::vector<std::string> numeric, compound;
};

// Every dataset in the file, by class.
Visit datasets(hid_t file) {
  Visit v;
  auto cb = [](hid_t root, const char* name, const H5O_info_t* info, void* data) -> herr_t {
    if (info->type != H5O_TYPE_DATASET) return 0;
    auto* out = static_cast<Visit*>(data);
    hid_t d = H5Dopen2(root, name, H5P_DEFAULT);
    hid_t t = H5Dget_type(d);
    auto c = H5Tget_class(t);
    if (c == H5T_FLOAT || c == H5T_INTEGER) out->numeric.push_back(std::string("/") + name);
    if (c == H5T_COMPOUND) out->compound.push_back(std::string("/") + name);
    H5Tclose(t);
    H5Dclose(d);
    return 0;
  };
  H5Ovisit(file, H5_INDEX_NAME, H5_ITER_INC, cb, &v);
  return v;
}

class Schema : public ::testing::Test {
 protected:
  void SetUp() override { fixture::write_small(path); }
  fixture::TempDir dir;
  std::string path = dir / "small.h5";
};

}  // namespace

TEST_F(Schema, RootAttributes) {
  probe::File f(path);
  EXPECT_EQ(f.attr_string("/", "schema"), "sovcap/3");
  EXPECT_EQ(f.attr_string("/", "sovcap_version"), "9.9.9");
  EXPECT_EQ(f.attr_string("/", "scenario"), "unit-test");
  EXPECT_EQ(f.attr_string("/", "start_utc"), "2030-01-01T00:00:00Z");
  EXPECT_EQ(f.attr_string("/", "config_yaml"), "name: unit-test\nseed: 42\n");
  EXPECT_EQ(f.attr_class("/", "seed"), H5T_INTEGER);
  EXPECT_EQ(f.attr_double("/", "seed"), 42);
  EXPECT_EQ(f.attr_double("/", "duration_s"), 3600);
  EXPECT_EQ(f.attr_double("/", "wall_s"), 1.5);
  EXPECT_TRUE(std::regex_match(f.attr_string("/", "created_utc"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << f.attr_string("/", "created_utc");
}

TEST_F(Schema, EveryNumericDatasetHasUnitsAndEveryTableItsColumnUnits) {
  probe::File f(path);
  auto v = datasets(f.id());
  EXPECT_GT(v.numeric.size(), 50u);
  for (const auto& d : v.numeric) {
    ASSERT_TRUE(f.has_attr(d, "units")) << d;
    EXPECT_FALSE(f.attr_string(d, "units").empty()) << d;
  }
  std::set<std::string> tables(v.compound.begin(), v.compound.end());
  EXPECT_EQ(tables, (std::set<std::string>{"/jobs", "/summary/sites", "/summary/classes", "/summary/regions",
                                           "/topology/nodes", "/topology/links"}));
  for (const auto& t : v.compound) {
    auto fields = f.fields(t);
    auto columns = f.attr_strings(t, "columns");
    auto units = f.attr_strings(t, "columns_units");
    EXPECT_EQ(columns, fields) << t;
    ASSERT_EQ(units.size(), fields.size()) << t;
    std::string listing = f.attr_string(t, "units");
    for (size_t i = 0; i < fields.size(); ++i)
      EXPECT_NE(listing.find(fields[i] + ": " + units[i]), std::string::npos) << t << " " << fields[i];
  }
}

TEST_F(Schema, TimeSeriesWithTheirScaleAndUnits) {
  probe::File f(path);
  EXPECT_EQ(f.doubles("/timeseries/time_s"), (std::vector<double>{0, 900, 1800, 2700}));
  EXPECT_TRUE(f.is_scale("/timeseries/time_s"));
  EXPECT_EQ(f.attr_string("/timeseries/time_s", "units"), "s");
  const std::vector<std::string> design = {"it_power_mw", "cooling_power_mw", "facility_power_mw", "pue", "solar_mw",
                                           "wind_mw", "battery_charge_mw", "battery_discharge_mw", "battery_soc_mwh",
                                           "grid_import_mw", "curtailed_mw", "power_cap_mw", "ambient_c",
                                           "carbon_kg_per_h", "busy_gpus", "total_gpus", "running_jobs", "queued_jobs"};
  for (const std::string site : {"benguerir", "dakhla"}) {
    for (const auto& m : sovcap::output::site_metrics()) {
      std::string p = "/timeseries/sites/" + site + "/" + m.name;
      ASSERT_TRUE(f.exists(p)) << p;
      EXPECT_EQ(f.doubles(p).size(), 4u) << p;
      EXPECT_TRUE(f.is_scale_attached(p, "/timeseries/time_s")) << p;
      EXPECT_EQ(f.attr_string(p, "units"), m.units) << p;
    }
    for (const auto& m : design) EXPECT_TRUE(f.exists("/timeseries/sites/" + site + "/" + m)) << m;
  }
  EXPECT_EQ(f.attr_string("/timeseries/sites/dakhla/it_power_mw", "units"), "MW");
  EXPECT_EQ(f.attr_string("/timeseries/sites/dakhla/battery_soc_mwh", "units"), "MWh");
  EXPECT_EQ(f.attr_string("/timeseries/sites/dakhla/carbon_gco2_per_kwh", "units"), "gCO2/kWh");
  EXPECT_EQ(f.doubles("/timeseries/sites/benguerir/it_power_mw"), (std::vector<double>{10, 20, 30, 40}));
  EXPECT_EQ(f.doubles("/timeseries/sites/dakhla/solar_mw"), (std::vector<double>{4, 4, 4, 4}));
  for (const std::string link : {"rabat-benguerir", "benguerir-dakhla"})
    for (const std::string m : {"utilization", "throughput_gbps", "up"}) {
      std::string p = "/timeseries/links/" + link + "/" + m;
      ASSERT_TRUE(f.exists(p)) << p;
      EXPECT_TRUE(f.is_scale_attached(p, "/timeseries/time_s")) << p;
    }
  EXPECT_EQ(f.doubles("/timeseries/links/rabat-benguerir/throughput_gbps"), (std::vector<double>{0, 10, 20, 30}));
  EXPECT_EQ(f.doubles("/timeseries/links/benguerir-dakhla/up"), (std::vector<double>{1, 1, 0, 1}));
  EXPECT_EQ(f.attr_string("/timeseries/links/benguerir-dakhla/throughput_gbps", "units"), "Gbps");
}

TEST_F(Schema, JobsTableColumnsStringsAndStatusEnum) {
  probe::File f(path);
  auto fields = f.fields("/jobs");
  for (const std::string c : {"id", "class", "origin", "site", "units", "submit_s", "start_s", "end_s", "wait_s",
                              "transfer_s", "runtime_s", "energy_kwh", "status"})
    EXPECT_TRUE(contains(fields, c)) << c;
  auto status = f.enum_members("/jobs", "status");
  EXPECT_EQ(status, (std::vector<std::pair<std::string, long>>{
                        {"completed", 0}, {"rejected", 1}, {"killed", 2}, {"unfinished", 3}}));
  EXPECT_EQ(f.column("/jobs", "id"), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(f.strings("/jobs", "class"),
            (std::vector<std::string>{"training", "training", "inference", "inference", "training", "inference"}));
  EXPECT_EQ(f.strings("/jobs", "origin"), (std::vector<std::string>{"rabat", "guelmim", "nador", "rabat", "nador", "guelmim"}));
  EXPECT_EQ(f.strings("/jobs", "site"), (std::vector<std::string>{"benguerir", "dakhla", "benguerir", "", "dakhla", "benguerir"}));
  auto wait = f.column("/jobs", "wait_s"), runtime = f.column("/jobs", "runtime_s");
  EXPECT_EQ(wait[0], 100);
  EXPECT_EQ(runtime[1], 2000);
  EXPECT_TRUE(std::isnan(wait[3])) << "a rejected job never waited to start";
  EXPECT_TRUE(std::isnan(runtime[4])) << "an unfinished job has no run time";
  EXPECT_EQ(f.column("/jobs", "units")[0], 8);
  std::string units = f.attr_string("/jobs", "units");
  for (const std::string pair : {"submit_s: s", "wait_s: s", "energy_kwh: kWh", "units: 1", "input_gb: GB"})
    EXPECT_NE(units.find(pair), std::string::npos) << pair << " in " << units;
}

// The summary tables hold exactly the columns the registry declares, in its order and with its units;
// the KPIs are the declared ones (the fixture has no backbone: no network figures).
TEST_F(Schema, SummaryTablesAndKpiAttributes) {
  namespace o = sovcap::output;
  probe::File f(path);
  for (auto [table, dataset] : {std::pair{o::Table::sites, "/summary/sites"}, std::pair{o::Table::classes, "/summary/classes"},
                                std::pair{o::Table::regions, "/summary/regions"}, std::pair{o::Table::jobs, "/jobs"}}) {
    std::vector<std::string> names, units;
    for (const auto* fig : o::figures_of(table))
      if (fig->when == o::When::always) {
        names.push_back(fig->name);
        units.push_back(fig->unit);
      }
    EXPECT_EQ(f.fields(dataset), names) << dataset;
    EXPECT_EQ(f.attr_strings(dataset, "columns"), names) << dataset;
    EXPECT_EQ(f.attr_strings(dataset, "columns_units"), units) << dataset;
  }
  EXPECT_EQ(f.strings("/summary/sites", "site"), (std::vector<std::string>{"benguerir", "dakhla"}));
  EXPECT_EQ(f.strings("/summary/classes", "class"), (std::vector<std::string>{"training", "inference"}));
  EXPECT_EQ(f.strings("/summary/regions", "region"), (std::vector<std::string>{"rabat", "guelmim", "nador"}));
  std::string listing;
  for (const auto* k : o::figures_of(o::Table::kpi)) {
    EXPECT_EQ(f.has_attr("/summary", k->name), k->when == o::When::always) << k->name;
    if (k->when == o::When::always) listing += (listing.empty() ? "" : ", ") + std::string(k->name) + ": " + k->unit;
  }
  EXPECT_EQ(f.attr_string("/summary", "units"), listing);
}

TEST_F(Schema, TopologyTables) {
  probe::File f(path);
  EXPECT_EQ(f.strings("/topology/nodes", "id"), (std::vector<std::string>{"rabat", "benguerir", "dakhla"}));
  EXPECT_EQ(f.strings("/topology/nodes", "kind"), (std::vector<std::string>{"region", "site", "site"}));
  EXPECT_EQ(f.column("/topology/nodes", "latitude_deg")[2], 23.68);
  EXPECT_EQ(f.strings("/topology/links", "a"), (std::vector<std::string>{"rabat", "benguerir"}));
  EXPECT_EQ(f.strings("/topology/links", "b"), (std::vector<std::string>{"benguerir", "dakhla"}));
  EXPECT_EQ(f.column("/topology/links", "bandwidth_gbps"), (std::vector<double>{100, 40}));
  EXPECT_EQ(f.column("/topology/links", "latency_s")[1], 0.008);
  EXPECT_EQ(f.column("/topology/links", "length_km")[1], 1100);
}
