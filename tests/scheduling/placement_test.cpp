#include <gtest/gtest.h>

#include "models/scheduling/placement.hpp"
#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {

SiteView site(int i, double latency_s, int free_units, int total_units, double queued = 0, double surplus_mw = 0,
              double carbon = 500, bool allowed = true) {
  SiteView v;
  v.site = i;
  v.allowed = allowed;
  v.latency_s = latency_s;
  v.free_units = free_units;
  v.total_units = total_units;
  v.queued_units = queued;
  v.renewable_surplus_mw = surplus_mw;
  v.carbon_gco2_per_kwh = carbon;
  return v;
}

TEST(Placement, NearestAmongAllowedThatFit) {
  auto j = testing::job(1, 16, 10);
  std::vector<SiteView> v{site(0, 0.010, 0, 64), site(1, 0.002, 8, 8), site(2, 0.001, 64, 64, 0, 0, 500, false),
                          site(3, 0.005, 0, 32)};
  // Site 2 is nearest but not allowed; site 1 can never fit 16 units.
  EXPECT_EQ(choose_site(j, v, Placement::nearest), 3);
}

TEST(Placement, NoneAllowedRejects) {
  auto j = testing::job(1, 1, 10);
  std::vector<SiteView> v{site(0, 0.01, 8, 8, 0, 0, 0, false)};
  for (auto p : {Placement::nearest, Placement::earliest_start, Placement::greenest, Placement::sovereignty_first})
    EXPECT_EQ(choose_site(j, v, p), -1);
  EXPECT_EQ(choose_site(j, {}, Placement::nearest), -1);
}

TEST(Placement, TiesGoToTheLowerSiteIndex) {
  auto j = testing::job(1, 1, 10);
  std::vector<SiteView> v{site(2, 0.005, 8, 8), site(1, 0.005, 8, 8)};
  EXPECT_EQ(choose_site(j, v, Placement::nearest), 1);
  EXPECT_EQ(choose_site(j, v, Placement::greenest), 1);
}

TEST(Placement, EarliestStartByBacklogPerUnitThenLatency) {
  auto j = testing::job(1, 1, 10);
  // Backlog per unit: (10 - 0)/100 = 0.1, (0 - 4)/8 = -0.5, (0 - 8)/16 = -0.5 (farther).
  std::vector<SiteView> v{site(0, 0.001, 0, 100, 10), site(1, 0.003, 4, 8), site(2, 0.009, 8, 16)};
  EXPECT_EQ(choose_site(j, v, Placement::earliest_start), 1);
}

// A site that can start the job now (estimated wait 0) wins over one that cannot, whatever their
// backlogs; among sites that cannot, one that keeps no reserve for its own jobs goes first (a job
// that may run elsewhere does not queue at a sovereign site); the reserve counts as taken.
TEST(Placement, EarliestStartPrefersStartingNowThenSitesWithoutAReserve) {
  auto j = testing::job(1, 8, 10);
  auto a = site(0, 0.001, 8, 100, 0), b = site(1, 0.009, 50, 100, 0);
  a.wait_s = 0;
  b.wait_s = 3600;  // (say, work of a higher priority queued there)
  // b's backlog per unit is the lower, -0.5 against -0.08, but a starts the job now.
  EXPECT_EQ(choose_site(j, {a, b}, Placement::earliest_start), 0);
  a.wait_s = 60;
  b.wait_s = 30;
  b.free_units = 0;
  a.free_units = -50;  // a capped: its usable units are fewer than those running
  // Both wait: the least backlog per unit, (0 + 50)/100 = 0.5 against 0.
  EXPECT_EQ(choose_site(j, {a, b}, Placement::earliest_start), 1);
  b.reserved_units = 10;  // b keeps room for jobs only it may run: a job that must wait goes to a
  EXPECT_EQ(choose_site(j, {a, b}, Placement::earliest_start), 0);
  b.wait_s = 0;  // ... unless b can start it now beside that room
  EXPECT_EQ(choose_site(j, {a, b}, Placement::earliest_start), 1);
  // Both start now: the reserve counts in the backlog per unit: (0 - 60 + 10)/100 against (0 - 50)/100.
  a.wait_s = 0;
  a.free_units = 50;
  b.free_units = 60;
  EXPECT_EQ(choose_site(j, {a, b}, Placement::earliest_start), 0);  // tie on -0.5: a is nearer
  b.free_units = 61;
  EXPECT_EQ(choose_site(j, {a, b}, Placement::earliest_start), 1);
}

TEST(Placement, GreenestBySurplusThenCarbon) {
  auto j = testing::job(1, 1, 10);
  std::vector<SiteView> v{site(0, 0.001, 8, 8, 0, 5, 100), site(1, 0.009, 8, 8, 0, 50, 300),
                          site(2, 0.005, 8, 8, 0, 50, 200)};
  EXPECT_EQ(choose_site(j, v, Placement::greenest), 2);
}

TEST(Placement, SovereigntyFirstPrefersTheOrderGivenWhenItCanStart) {
  auto j = testing::job(1, 4, 10);
  // Site 0 (first allowed, sovereign) is busy; site 1 is next in order and can start now.
  std::vector<SiteView> v{site(0, 0.001, 2, 64), site(1, 0.020, 8, 8), site(2, 0.002, 64, 64, 0, 0, 500, false)};
  EXPECT_EQ(choose_site(j, v, Placement::sovereignty_first), 1);
  // Nobody can start it now: the nearest allowed.
  v[1].free_units = 0;
  EXPECT_EQ(choose_site(j, v, Placement::sovereignty_first), 0);
}

}  // namespace
}  // namespace sovcap::scheduling

namespace sovcap::scheduling {
namespace {

TEST(PlacementLatency, PreferredTargetsWinWhileTheSiteCanStartTheJobNow) {
  auto j = testing::job(1, 16, 10);
  // Site 0: meets the target, 32 free, nothing queued. Site 1: misses it, far emptier.
  auto near = site(0, 0.004, 32, 64);
  auto far = site(1, 0.012, 1000, 1000);
  far.meets_latency = false;
  std::vector<SiteView> v{near, far};
  EXPECT_EQ(choose_site(j, v, Placement::earliest_start), 1);  // the rule alone picks the emptier
  EXPECT_EQ(choose_site(j, v, Placement::earliest_start, LatencyRule::ignore), 1);
  EXPECT_EQ(choose_site(j, v, Placement::earliest_start, LatencyRule::prefer), 0);
  EXPECT_EQ(choose_site(j, v, Placement::greenest, LatencyRule::prefer), 0);
}

TEST(PlacementLatency, ATargetNeverCostsAWaitNorBlocksAJob) {
  auto j = testing::job(1, 16, 10);
  auto far = site(1, 0.012, 1000, 1000);
  far.meets_latency = false;
  // The near site has 32 free units but 20 queued ahead: the job would wait there.
  std::vector<SiteView> queued{site(0, 0.004, 32, 64, 20), far};
  EXPECT_EQ(choose_site(j, queued, Placement::earliest_start, LatencyRule::prefer), 1);
  // No site meets the target: placed by the rule all the same.
  auto far2 = site(0, 0.020, 64, 64);
  far2.meets_latency = false;
  EXPECT_EQ(choose_site(j, {far2, far}, Placement::nearest, LatencyRule::prefer), 1);  // the nearer of the two
  // The only site meeting it cannot ever fit the job.
  std::vector<SiteView> small{site(0, 0.004, 8, 8), far};
  EXPECT_EQ(choose_site(j, small, Placement::nearest, LatencyRule::prefer), 1);
}

}  // namespace
}  // namespace sovcap::scheduling
