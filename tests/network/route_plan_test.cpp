// The route plan against hand-computed cases, without SimGrid: epochs from link events (integer
// boundaries, an event at t = 0, simultaneous events), routes and variants per pair across a cut
// link, a tie between equal-cost routes, a region cut off, and the derived queries.
#include "models/network/route_plan.hpp"

#include <limits>

#include <gtest/gtest.h>

#include "tests/network/spec_builder.hpp"

namespace sovcap::network {
namespace {

using test::link;
using test::node;
using V = std::vector<int>;
constexpr double inf = std::numeric_limits<double>::infinity();

// Regions R, Q; sites S, T; router X.
//   link 0: RS 2 ms 100 Gbps   1: RX 1 ms 40   2: XS 3 ms 10   3: ST 5 ms 100
//   link 4: TX 6 ms 100 (declared T -> X)      5: QS 1 ms 100  (Q hangs off S alone)
// R -> T: R-S-T and R-X-T both take 7 ms (a tie); R -> S: 2 ms direct, 4 ms via X.
TopologySpec spec() {
  TopologySpec s;
  s.nodes = {node("R", NodeKind::region), node("S", NodeKind::site), node("T", NodeKind::site), node("X"),
             node("Q", NodeKind::region)};
  s.links = {link("RS", "R", "S", 2, 100), link("RX", "R", "X", 1, 40), link("XS", "X", "S", 3, 10),
             link("ST", "S", "T", 5, 100), link("TX", "T", "X", 6, 100), link("QS", "Q", "S", 1, 100)};
  return s;
}
constexpr int R = 0, S = 1, T = 2, Q = 4;

std::vector<LinkEpoch> epochs_of(const Topology& t, double horizon_s = 86400) {
  return link_epochs(link_events(t, horizon_s, 1), t.link_count());
}

TEST(LinkEpochs, OneEpochPerDistinctEventTimeStartingAtZero) {
  auto s = spec();
  s.links[0].outages = {{3600, 3600}};  // RS down [3600, 7200)
  s.links[5].outages = {{5400, 600}};   // QS down [5400, 6000)
  Topology t(s);
  const auto e = epochs_of(t);
  ASSERT_EQ(e.size(), 5u);
  const std::vector<double> times = {0, 3600, 5400, 6000, 7200};
  for (size_t k = 0; k < e.size(); ++k) EXPECT_EQ(e[k].t_s, times[k]) << k;  // exactly, at the integer times
  // The event at exactly an epoch's time is applied in it: RS is down from 3600 on, up again at 7200.
  EXPECT_TRUE(e[0].up[0]);
  EXPECT_FALSE(e[1].up[0]);
  EXPECT_FALSE(e[3].up[0]);
  EXPECT_TRUE(e[4].up[0]);
  EXPECT_EQ(e[2].up, (std::vector<bool>{false, true, true, true, true, false}));
}

TEST(LinkEpochs, AnEventAtZeroChangesEpochZeroAndSimultaneousEventsShareAnEpoch) {
  auto s = spec();
  s.links[0].outages = {{0, 100}};
  s.links[2].outages = {{100, 50}};  // XS goes down as RS comes back: one epoch at 100
  s.links[5].outages = {{100, 50}};
  Topology t(s);
  const auto e = epochs_of(t);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].t_s, 0.0);
  EXPECT_FALSE(e[0].up[0]);
  EXPECT_EQ(e[1].t_s, 100.0);
  EXPECT_EQ(e[1].up, (std::vector<bool>{true, true, false, true, true, false}));
  EXPECT_EQ(e[2].t_s, 150.0);
  EXPECT_EQ(e[2].up, std::vector<bool>(6, true));
  // Nothing happens: a single epoch at 0 with every link up.
  const auto quiet = epochs_of(Topology(spec()));
  ASSERT_EQ(quiet.size(), 1u);
  EXPECT_EQ(quiet[0].up, std::vector<bool>(6, true));
}

class Plan : public ::testing::Test {
 protected:
  static TopologySpec outages() {
    auto s = spec();
    s.links[0].outages = {{3600, 3600}};
    s.links[5].outages = {{5400, 600}};
    return s;
  }
  Plan() : topo(outages()), plan(topo, epochs_of(topo), {R, Q}, {S, T, R}) {}
  Topology topo;
  RoutePlan plan;  // regions: 0 = R, 1 = Q; sites: 0 = S, 1 = T, 2 = on R's node
};

TEST_F(Plan, PairsInOrderOfFirstNeedAndSameNodeHasNone) {
  // Region-site pairs first (R-S, R-T, Q-S, Q-T, Q-R), then site-site: S-T is new; S-R and T-R
  // are R-S and R-T again.
  ASSERT_EQ(plan.pair_count(), 6u);
  EXPECT_EQ(plan.region_site_pair(0, 0), 0);
  EXPECT_EQ(plan.region_site_pair(0, 1), 1);
  EXPECT_EQ(plan.region_site_pair(1, 0), 2);
  EXPECT_EQ(plan.region_site_pair(1, 1), 3);
  EXPECT_EQ(plan.region_site_pair(0, 2), -1);  // the region's own node
  EXPECT_EQ(plan.region_site_pair(1, 2), 4);
  EXPECT_EQ(plan.site_site_pair(0, 1), 5);
  EXPECT_EQ(plan.site_site_pair(1, 0), 5);
  EXPECT_EQ(plan.site_site_pair(0, 2), 0);
  EXPECT_EQ(plan.site_site_pair(2, 1), 1);
  EXPECT_EQ(plan.site_site_pair(1, 1), -1);
  EXPECT_EQ(plan.pair(0).a, R);  // named first: the region
  EXPECT_EQ(plan.pair(4).a, Q);
  EXPECT_EQ(plan.pair(5).a, S);
}

TEST_F(Plan, ACutLinkGivesASecondVariantUsedWhileItIsDown) {
  // Epochs: 0 all up, 1 RS down, 2 RS and QS down, 3 RS down, 4 all up.
  const auto& rs = plan.pair(0);
  ASSERT_EQ(rs.variants.size(), 2u);
  EXPECT_EQ(rs.variants[0].links, V{0});
  EXPECT_EQ(rs.variants[1].links, (V{1, 2}));
  EXPECT_EQ(rs.at_epoch, (V{0, 1, 1, 1, 0}));  // back on the first route, not a third variant
  EXPECT_DOUBLE_EQ(rs.variants[1].latency_s, 4e-3);
  EXPECT_DOUBLE_EQ(rs.variants[1].bottleneck_gbps, 10);
  EXPECT_EQ(rs.variants[1].directed, (V{2 * 1 + 0, 2 * 2 + 0}));  // R->X, X->S: both as declared
  EXPECT_DOUBLE_EQ(plan.latency_s(0, 0, 0), 2e-3);
  EXPECT_DOUBLE_EQ(plan.latency_s(0, 0, 1), 4e-3);
  EXPECT_DOUBLE_EQ(plan.latency_s(0, 0, 4), 2e-3);
  // 10 GB alone on the route: 80 Gb over the narrowest link, plus the latency.
  EXPECT_DOUBLE_EQ(plan.transfer_s(0, 0, 10, 0), 80.0 / 100 + 2e-3);
  EXPECT_DOUBLE_EQ(plan.transfer_s(0, 0, 10, 1), 80.0 / 10 + 4e-3);
  EXPECT_EQ(plan.transfer_s(0, 2, 10, 1), 0.0);  // same node: nothing crosses
  EXPECT_EQ(plan.latency_s(0, 2, 1), 0.0);
  // Routes to declare: every variant once, pairs in order, each pair's in order of first use.
  const auto& routes = plan.routes();
  ASSERT_EQ(routes.size(), 9u);  // R-S 2, R-T 2, Q-S 1, Q-T 1, Q-R 2, S-T 1
  EXPECT_EQ(routes[1].pair, 0);
  EXPECT_EQ(routes[1].variant, 1);
  EXPECT_EQ(rs.variants[1].route, 1);
  EXPECT_EQ(plan.pair(5).variants.at(0).route, 8);
  // Q -> R's node: Q-S-R, or Q-S-X-R (5 ms) while RS is down, nothing while QS is.
  EXPECT_EQ(plan.pair(4).variants[1].links, (V{5, 2, 1}));
  EXPECT_EQ(plan.pair(4).at_epoch, (V{0, 1, -1, 1, 0}));
}

TEST_F(Plan, EqualCostRoutesTieToTheLowerLinkIndicesReadFromTheEnd) {
  // R -> T: R-S-T (links 0, 3) and R-X-T (links 1, 4) both 7 ms; read from T back, [3, 0] < [4, 1].
  const auto& rt = plan.pair(1);
  ASSERT_EQ(rt.variants.size(), 2u);
  EXPECT_EQ(rt.variants[0].links, (V{0, 3}));
  EXPECT_EQ(rt.variants[1].links, (V{1, 4}));  // while RS is down
  EXPECT_EQ(rt.at_epoch, (V{0, 1, 1, 1, 0}));
  EXPECT_NEAR(rt.variants[0].latency_s, 7e-3, 1e-15);
  EXPECT_NEAR(rt.variants[1].latency_s, 7e-3, 1e-15);
  // Link 4 is declared T -> X: travelled X -> T it is the reverse direction.
  EXPECT_EQ(rt.variants[1].directed, (V{2 * 1 + 0, 2 * 4 + 1}));
}

TEST_F(Plan, ARegionCutOffHasNoRouteToAnySiteForThatEpochOnly) {
  // QS down in epoch 2 (5400-6000 s): Q reaches no site.
  for (size_t k = 0; k < plan.epoch_count(); ++k) {
    EXPECT_EQ(plan.region_cut(1, k), k == 2) << k;
    EXPECT_FALSE(plan.region_cut(0, k)) << k;  // R always has a way round
    EXPECT_EQ(plan.reachable(1, 0, k), k != 2) << k;
    EXPECT_EQ(plan.reachable(1, 1, k), k != 2) << k;
    EXPECT_TRUE(plan.reachable(0, 1, k)) << k;
  }
  EXPECT_EQ(plan.pair(2).at_epoch, (V{0, 0, -1, 0, 0}));
  EXPECT_EQ(plan.route_at(2, 2), nullptr);
  EXPECT_EQ(plan.latency_s(1, 0, 2), inf);
  EXPECT_EQ(plan.transfer_s(1, 1, 1, 2), inf);
  EXPECT_EQ(plan.transfer_s(1, 1, 0, 2), 0.0);  // nothing to move: no wait, cut off or not
  EXPECT_DOUBLE_EQ(plan.latency_s(1, 1, 3), 6e-3);  // Q-S-T again
  EXPECT_EQ(plan.pair(3).variants[0].directed, (V{2 * 5 + 0, 2 * 3 + 0}));
}

TEST_F(Plan, CheckpointsGoToTheNearestOtherSiteWithEveryLinkUp) {
  // S: R's node at 2 ms (pair R-S) beats T at 5 ms; T: S at 5 ms beats R's node at 7 ms; R's node: S.
  EXPECT_EQ(plan.checkpoint_pair(0), 0);
  EXPECT_EQ(plan.checkpoint_pair(1), 5);
  EXPECT_EQ(plan.checkpoint_pair(2), 0);
}

TEST(RoutePlan, PrimaryLatencyIsEpochZerosEvenWhenALinkStartsDown) {
  auto s = spec();
  s.links[0].outages = {{0, 100}};  // RS down from the start
  Topology t(s);
  RoutePlan plan(t, epochs_of(t), {R}, {S});
  EXPECT_DOUBLE_EQ(plan.primary_latency_s(0, 0), 4e-3);
  EXPECT_EQ(plan.pair(0).variants[0].links, (V{1, 2}));  // the first variant is epoch 0's route
  EXPECT_DOUBLE_EQ(plan.latency_s(0, 0, 1), 2e-3);
  // A lone site has nowhere to checkpoint.
  EXPECT_EQ(plan.checkpoint_pair(0), -1);
}

}  // namespace
}  // namespace sovcap::network
