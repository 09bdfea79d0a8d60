// Every scenario shipped in configs/ loads without error.
#include <gtest/gtest.h>

#include <filesystem>

#include "simulator/config/loader.hpp"

namespace fs = std::filesystem;
using sovcap::config::ConfigError;
using sovcap::config::load_scenario;

namespace {
std::string cfg(const std::string& name) { return std::string(SOVCAP_SOURCE_DIR) + "/configs/" + name; }
}  // namespace

TEST(ShippedConfigs, EachLoadsWithoutError) {
  int count = 0;
  for (const auto& e : fs::directory_iterator(std::string(SOVCAP_SOURCE_DIR) + "/configs")) {
    if (e.path().extension() != ".yaml") continue;
    ++count;
    try {
      auto sc = load_scenario(e.path().string());
      EXPECT_FALSE(sc.sites.empty()) << e.path();
    } catch (const ConfigError& err) {
      ADD_FAILURE() << e.path() << ":\n" << err.what();
    }
  }
  EXPECT_GE(count, 3);
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
