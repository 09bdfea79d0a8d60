// Every scenario shipped in configs/ loads without error.
#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <set>

#include "simulator/config/loader.hpp"

namespace fs = std::filesystem;
using sovcap::config::ConfigError;
using sovcap::config::load_scenario;

namespace {
std::string cfg(const std::string& name) { return std::string(SOVCAP_SOURCE_DIR) + "/configs/" + name; }
}  // namespace

TEST(ShippedConfigs, EachLoadsWithoutError) {
  int count = 0;
  // Scenarios in configs/ and its folders, except sweep and optimisation specs (tests/sweep and
  // tests/optimize check those).
  for (const auto& e : fs::recursive_directory_iterator(std::string(SOVCAP_SOURCE_DIR) + "/configs")) {
    const auto folder = e.path().parent_path().filename();
    if (e.path().extension() != ".yaml" || folder == "sweeps" || folder == "optimize") continue;
    ++count;
    try {
      auto sc = load_scenario(e.path().string());
      EXPECT_FALSE(sc.sites.empty()) << e.path();
    } catch (const ConfigError& err) {
      ADD_FAILURE() << e.path() << ":\n" << err.what();
    }
  }
  EXPECT_GE(count, 8);
}

TEST(ShippedConfigs, PolicyVariantsDifferFromTheDefaultOnlyInTheirPolicy) {
  auto base = load_scenario(cfg("morocco-2030.yaml"));
  int count = 0;
  std::set<int> policies;
  for (const auto& e : fs::directory_iterator(cfg("policies"))) {
    auto sc = load_scenario(e.path().string());
    ++count;
    policies.insert(static_cast<int>(sc.scheduling.policy));
    std::string stem = e.path().stem().string();
    EXPECT_EQ(sc.name, "morocco-2030-" + stem);
    EXPECT_EQ(sc.scheduling.placement, base.scheduling.placement) << stem;
    EXPECT_EQ(sc.seed, base.seed) << stem;
    EXPECT_EQ(sc.classes.size(), base.classes.size()) << stem;
  }
  EXPECT_EQ(count, static_cast<int>(std::size(sovcap::scheduling::kQueuePolicyNames))) << "one variant per queue policy";
  EXPECT_EQ(policies.size(), std::size(sovcap::scheduling::kQueuePolicyNames));
}

TEST(ShippedConfigs, TinyIsSmall) {
  auto sc = load_scenario(cfg("tiny.yaml"));
  EXPECT_EQ(sc.name, "tiny");
  EXPECT_DOUBLE_EQ(sc.duration_s, 2 * 86400.0);
  EXPECT_EQ(sc.regions.size(), 2u);
  EXPECT_EQ(sc.classes.size(), 2u);
  ASSERT_EQ(sc.sites.size(), 2u);
  EXPECT_EQ(sc.sites[0].pools[0].nodes, 8);
  // Own nodes of sites and regions plus nothing else.
  EXPECT_EQ(sc.topology.nodes.size(), 4u);
}

// A phased plan stays valid when a study moves or shortens the run: a phase
// dated before the start is in service from the start; one after the end is
// never reached. Outages keep their strict check (they are events of the run).
TEST(ShippedConfigs, PhasesOutsideTheRunAreInServiceOrNeverReached) {
  auto later = load_scenario(cfg("morocco-2030.yaml"), {"scenario.start=2030-08-01T00:00:00Z", "duration=10d"});
  auto& dakhla = later.sites[1];
  ASSERT_EQ(dakhla.id, "dakhla");
  ASSERT_EQ(dakhla.power.phases.size(), 1u);
  EXPECT_EQ(dakhla.power.phases[0].at_s, 0.0);
  auto shorter = load_scenario(cfg("morocco-2030.yaml"), {"duration=10d"});
  ASSERT_EQ(shorter.sites[1].power.phases.size(), 1u);
  EXPECT_GT(shorter.sites[1].power.phases[0].at_s, shorter.duration_s);
  EXPECT_THROW(load_scenario(cfg("morocco-2030.yaml"), {"scenario.start=2030-08-01T00:00:00Z",
                                                         "network.links.0.outages=[{start: 2030-07-01, duration: 1d}]"}),
               ConfigError);
}
