// The Moroccan backbone proposed in docs/network.md (same nodes and links):
// its single points of failure, known by inspection of the map.
#include <algorithm>

#include <gtest/gtest.h>

#include "models/network/geo.hpp"
#include "models/network/topology.hpp"

namespace sovcap::network {
namespace {

TopologySpec morocco(bool with_festoon) {
  struct N {
    const char* id;
    NodeKind kind;
    double lat, lon;
  };
  const N nodes[] = {
      {"tangier", NodeKind::region, 35.7595, -5.8340},     {"rabat", NodeKind::region, 34.0209, -6.8416},
      {"casablanca", NodeKind::region, 33.5731, -7.5898},  {"fes", NodeKind::region, 34.0331, -5.0003},
      {"oujda", NodeKind::region, 34.6814, -1.9086},       {"nador", NodeKind::router, 35.1681, -2.9335},
      {"beni-mellal", NodeKind::region, 32.3373, -6.3498}, {"marrakech", NodeKind::region, 31.6295, -7.9811},
      {"benguerir", NodeKind::site, 32.2360, -7.9540},     {"agadir", NodeKind::region, 30.4278, -9.5981},
      {"guelmim", NodeKind::region, 28.9870, -10.0574},    {"errachidia", NodeKind::region, 31.9314, -4.4244},
      {"laayoune", NodeKind::region, 27.1253, -13.1625},   {"dakhla", NodeKind::site, 23.6848, -15.9580},
      {"safi", NodeKind::router, 32.2994, -9.2372},
  };
  const char* links[][2] = {
      {"tangier", "rabat"},      {"rabat", "casablanca"},      {"casablanca", "benguerir"},
      {"benguerir", "marrakech"}, {"marrakech", "agadir"},      {"agadir", "guelmim"},
      {"guelmim", "laayoune"},   {"laayoune", "dakhla"},       {"casablanca", "safi"},
      {"safi", "agadir"},        {"rabat", "fes"},             {"fes", "oujda"},
      {"oujda", "nador"},        {"tangier", "nador"},         {"fes", "errachidia"},
      {"marrakech", "errachidia"}, {"casablanca", "beni-mellal"}, {"beni-mellal", "benguerir"},
      {"agadir", "laayoune"},    {"agadir", "dakhla"},  // the assumed submarine festoon
  };
  TopologySpec s;
  for (const N& n : nodes) {
    NodeSpec spec;
    spec.id = n.id;
    spec.kind = n.kind;
    spec.latitude_deg = n.lat;
    spec.longitude_deg = n.lon;
    s.nodes.push_back(spec);
  }
  for (const auto& l : links) {
    LinkSpec spec;
    spec.id = std::string(l[0]) + "-" + l[1];
    spec.a = l[0];
    spec.b = l[1];
    spec.bandwidth_gbps = 100;
    s.links.push_back(spec);
  }
  if (!with_festoon) s.links.resize(s.links.size() - 2);
  return s;
}

std::vector<std::string> link_ids(const Topology& t, const std::vector<int>& links) {
  std::vector<std::string> ids;
  for (int l : links) ids.push_back(t.link(l).id);
  return ids;
}

TEST(MoroccoBackbone, CoastalChainSouthOfAgadirIsASinglePointOfFailure) {
  Topology t(morocco(false));
  EXPECT_EQ(link_ids(t, t.bridges()),
            (std::vector<std::string>{"agadir-guelmim", "guelmim-laayoune", "laayoune-dakhla"}));
  std::vector<std::string> cut;
  for (int v : t.articulation_points()) cut.push_back(t.node(v).id);
  EXPECT_EQ(cut, (std::vector<std::string>{"agadir", "guelmim", "laayoune"}));
  EXPECT_TRUE(t.backup_path(t.node_index("rabat"), t.node_index("dakhla")).empty());
}

TEST(MoroccoBackbone, FestoonLeavesNoBridgeButAgadirStaysACutNode) {
  Topology t(morocco(true));
  EXPECT_TRUE(t.bridges().empty());
  ASSERT_EQ(t.articulation_points().size(), 1u);
  EXPECT_EQ(t.node(t.articulation_points()[0]).id, "agadir");
  const int rabat = t.node_index("rabat"), dakhla = t.node_index("dakhla");
  const auto primary = t.shortest_path(rabat, dakhla), backup = t.backup_path(rabat, dakhla);
  ASSERT_FALSE(backup.empty());
  for (int l : backup) EXPECT_EQ(std::count(primary.begin(), primary.end(), l), 0);
  // No route beats light in fibre along the great circle.
  const double direct_s = fibre_latency_s(great_circle_km(34.0209, -6.8416, 23.6848, -15.9580), 1.0);
  EXPECT_GT(t.path_latency_s(primary), direct_s);
  EXPECT_GE(t.path_latency_s(backup), t.path_latency_s(primary));
}

TEST(MoroccoBackbone, GuelmimIsCutOffWhenBothItsLinksFail) {
  Topology t(morocco(true));
  EXPECT_TRUE(t.unreachable_regions().empty());
  std::vector<bool> up(t.link_count(), true);
  up[t.link_index("agadir-guelmim")] = false;
  EXPECT_TRUE(t.unreachable_regions(up).empty());
  up[t.link_index("guelmim-laayoune")] = false;
  EXPECT_EQ(t.unreachable_regions(up), std::vector<std::string>{"guelmim"});
}

}  // namespace
}  // namespace sovcap::network
