// The registry of results (simulator/output/figures.cpp): well-formed declarations, the writer
// refusing what is not declared, and docs/results.md's tables equal to what it generates.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "simulator/output/declared_table.hpp"
#include "simulator/output/figures.hpp"
#include "simulator/output/samples.hpp"
#include "simulator/output/schema_printer.hpp"

namespace o = sovcap::output;

TEST(Registry, NamesAreUniquePerTableAndEveryFigureIsDescribed) {
  std::set<std::pair<int, std::string>> seen;
  for (const auto& f : o::figures()) {
    EXPECT_TRUE(seen.emplace(static_cast<int>(f.table), f.name).second) << f.name << " declared twice";
    EXPECT_NE(std::string(f.unit), "") << f.name;
    EXPECT_NE(std::string(f.label), "") << f.name;
    EXPECT_NE(std::string(f.description), "") << f.name;
    // A fraction shown as percent is dimensionless; a name ending in a unit says that unit.
    if (f.format == o::Format::percent) {
      EXPECT_EQ(std::string(f.unit), "1") << f.name;
    }
    if (f.format == o::Format::duration) {  // shown as "11 min 35 s": a number of seconds
      EXPECT_EQ(std::string(f.unit), "s") << f.name;
    }
    std::string n = f.name;
    if (n.find("_per_") != std::string::npos) continue;  // a rate: carbon_gco2_per_kwh is gCO2/kWh
    for (auto [suffix, unit] : {std::pair{"_mwh", "MWh"}, std::pair{"_mw", "MW"}, std::pair{"_gb", "GB"},
                                std::pair{"_kwh", "kWh"}, std::pair{"_s", "s"}, std::pair{"_gbps", "Gbps"}})
      if (n.size() > std::string(suffix).size() &&
          n.compare(n.size() - std::string(suffix).size(), std::string::npos, suffix) == 0) {
        EXPECT_EQ(std::string(f.unit), unit) << f.name;
      }
  }
}

TEST(Registry, SeriesDeclarationsMatchTheSampleFields) {
  std::vector<std::string> declared, sampled;
  for (const auto* f : o::figures_of(o::Table::site_series)) declared.push_back(f->name);
  for (const auto& m : o::site_metrics()) sampled.push_back(m.name);
  EXPECT_EQ(declared, sampled);
  declared.clear();
  sampled.clear();
  for (const auto* f : o::figures_of(o::Table::link_series)) declared.push_back(f->name);
  for (const auto& m : o::link_metrics()) sampled.push_back(m.name);
  EXPECT_EQ(declared, sampled);
  EXPECT_STREQ(o::site_metrics()[0].units, o::figure(o::Table::site_series, "it_power_mw").unit);
}

TEST(Registry, UndeclaredFiguresAreRefused) {
  EXPECT_THROW(o::figure(o::Table::kpi, "no_such_kpi"), std::logic_error);
  o::DeclaredTable k(o::Table::kpi, 1, false);
  EXPECT_THROW(k.real("no_such_kpi", 1.0), std::logic_error);
  EXPECT_THROW(k.real("jobs_submitted", 1.0), std::logic_error) << "declared int64, put as a double";
  EXPECT_THROW(k.real("rerouted_gb", 1.0), std::logic_error) << "a network KPI in a run without a network";
  k.count("jobs_submitted", int64_t{1});
  EXPECT_THROW(k.count("jobs_submitted", int64_t{1}), std::logic_error) << "computed twice";
  // Declared but not computed: writing fails before touching the file.
  EXPECT_THROW(k.write(-1), std::logic_error);
}

TEST(Registry, JsonListsEveryFigure) {
  std::string json = o::format_schema_json();
  EXPECT_NE(json.find(std::string("\"schema\": \"") + o::schema_version + "\""), std::string::npos);
  for (const auto& f : o::figures()) EXPECT_NE(json.find(std::string("\"name\": \"") + f.name + "\""), std::string::npos) << f.name;
}

// docs/results.md holds each table between <!-- registry:NAME --> markers, exactly as
// `sovcap schema --markdown` prints it (regenerate with tools/update-results-doc).
TEST(Registry, ResultsDocTablesAreTheRegistry) {
  std::ifstream in(std::string(SOVCAP_SOURCE_DIR) + "/docs/results.md");
  ASSERT_TRUE(in) << "docs/results.md";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  for (auto t : {o::Table::kpi, o::Table::sites, o::Table::classes, o::Table::regions, o::Table::jobs,
                 o::Table::site_series, o::Table::link_series}) {
    std::string open = "<!-- registry:" + std::string(o::table_name(t)) + " -->\n";
    std::string close = "<!-- /registry:" + std::string(o::table_name(t)) + " -->";
    auto a = doc.find(open), b = doc.find(close);
    ASSERT_NE(a, std::string::npos) << open << " missing in docs/results.md";
    ASSERT_NE(b, std::string::npos) << close << " missing in docs/results.md";
    EXPECT_EQ(doc.substr(a + open.size(), b - a - open.size()), o::format_schema_markdown(t))
        << "docs/results.md's " << o::table_name(t) << " table differs from the registry: run tools/update-results-doc";
  }
}
