#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <cmath>
#include <limits>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
using testing::ids;
using testing::job;
using testing::pool_spec;
using V = std::vector<uint64_t>;
constexpr double inf = std::numeric_limits<double>::infinity();

TEST(PowerCapping, HalfSpeedForHalfTheRunEndsLaterByExactlyTheSlowdown) {
  // 1 unit: idle 2 kW, peak 10 kW. A 100 s job; at t = 50 the cap allows 2 + 0.5 * 8 = 6 kW: f = 0.5.
  auto spec = pool_spec(1, 1, 10.0, 2.0);
  spec.min_speed = 0.25;
  Pool pool(spec, QueuePolicy::fcfs);
  pool.submit(job(1, 1, 100), 0);
  pool.start_ready(0);
  pool.set_power_cap_kw(6.0, 50);
  EXPECT_DOUBLE_EQ(pool.speed(), 0.5);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 6.0);
  EXPECT_EQ(pool.capping_actions(), 1u);
  // The remaining 50 s of work at half speed take 100 s: the job ends 50 s late.
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 150.0);
  auto done = pool.complete_until(150);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_DOUBLE_EQ(done[0].end_s, 150.0);
  EXPECT_NEAR(pool.delayed_work_s(), 50.0, 1e-9);
  // Energy: idle 2 kW for 150 s, plus dynamic 8 kW * (50 s * 1 + 100 s * 0.5).
  double kwh = (2.0 * 150 + 8.0 * 100) / 3600.0;
  EXPECT_NEAR(done[0].energy_kwh, kwh, 1e-12);
  EXPECT_NEAR(pool.it_energy_kwh(150), kwh, 1e-12);
  // With the job gone, the pool is back at full speed.
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
}

TEST(PowerCapping, SpeedNeverDropsBelowMinSpeedAndRisesAsJobsEnd) {
  auto spec = pool_spec(1, 2, 10.0, 2.0);  // per unit: 1 kW idle, 4 kW dynamic
  spec.min_speed = 0.5;
  Pool pool(spec, QueuePolicy::fcfs);
  pool.submit(job(1, 1, 100), 0);
  pool.submit(job(2, 1, 1000), 0);
  pool.start_ready(0);
  pool.set_power_cap_kw(2.0 + 2.0, 0);  // 2 busy units could run at f = 2 / 8 = 0.25 only
  EXPECT_DOUBLE_EQ(pool.speed(), 0.5);   // clamped; no preemptible job to suspend
  EXPECT_EQ(pool.running_jobs(), 2u);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 200.0);
  pool.complete_until(200);
  EXPECT_DOUBLE_EQ(pool.speed(), 0.5);   // one unit: f = 2 / 4
  pool.set_power_cap_kw(inf, 300);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  // Job 2: 100 s of work by t = 200, 50 more by 300, then 850 at full speed.
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 1150.0);
}

TEST(PowerCapping, SuspendsPreemptibleJobsAndResumesThemWithTheirWorkLeft) {
  auto spec = pool_spec(1, 4, 12.0, 4.0);  // per unit: 1 kW idle, 2 kW dynamic
  spec.min_speed = 0.5;
  Pool pool(spec, QueuePolicy::fcfs);
  auto a = job(1, 2, 100);
  a.preemptible = true;
  pool.submit(a, 0);
  pool.submit(job(2, 2, 1000), 0);
  pool.start_ready(0);
  // At min speed all 4 busy units draw 4 + 4 * 0.5 * 2 = 8 kW > 6 kW: suspend job 1; job 2 alone at
  // f = (6 - 4) / (2 * 2) = 0.5 fits.
  pool.set_power_cap_kw(6.0, 10);
  EXPECT_EQ(pool.suspensions(), 1u);
  EXPECT_EQ(pool.running_jobs(), 1u);
  EXPECT_EQ(pool.queued_jobs(), 1u);
  EXPECT_DOUBLE_EQ(pool.speed(), 0.5);
  EXPECT_LE(pool.it_power_kw(), 6.0 + 1e-12);
  EXPECT_TRUE(pool.start_ready(20).empty());  // still capped
  pool.set_power_cap_kw(inf, 30);
  auto resumed = pool.start_ready(30);
  ASSERT_EQ(ids(resumed), V{1});
  EXPECT_DOUBLE_EQ(resumed[0].start_s, 0.0);
  EXPECT_EQ(pool.capping_actions(), 2u);
  // Job 1 has 90 s left: ends at 120. Job 2: 10 + 20 * 0.5 = 20 s done by 30, ends at 1010.
  auto done = pool.complete_until(120);
  ASSERT_EQ(ids(done), V{1});
  EXPECT_DOUBLE_EQ(done[0].end_s, 120.0);
  // Its energy: 2 units * (1 kW * 100 s running + 2 kW * 100 s of work).
  EXPECT_NEAR(done[0].energy_kwh, 2 * (1.0 * 100 + 2.0 * 100) / 3600.0, 1e-12);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 1010.0);
  // Delay: job 2 throttled 20 s at 0.5 (10 s) + job 1 suspended 20 s.
  EXPECT_NEAR(pool.delayed_work_s(), 30.0, 1e-9);
}

// Over a random history of submissions and cap changes: IT energy == jobs' energy + idle units'
// energy, and == the integral of it_power_kw() (piecewise constant between the pool's events).
TEST(PowerCapping, EnergyAccountingIdentities) {
  for (auto policy : {QueuePolicy::fcfs, QueuePolicy::easy_backfill, QueuePolicy::priority}) {
    auto spec = pool_spec(4, 4, 10.2, 2.5);
    spec.min_speed = 0.4;
    Pool pool(spec, policy);
    boost::random::mt19937_64 rng(7);
    boost::random::uniform_int_distribution<int> units(1, 8), prio(0, 3), coin(0, 1);
    boost::random::uniform_real_distribution<double> runtime(10, 500), cap(5, 45);
    double jobs_kwh = 0, power_integral_kwh = 0;
    double t = 0, next_cap = 100, next_arrival = 0;
    uint64_t id = 0;
    const double end = 5000;
    while (t < end) {
      double now = std::min({next_arrival, next_cap, pool.next_completion_s(), end});
      power_integral_kwh += pool.it_power_kw() * (now - t) / 3600.0;
      t = now;
      for (const auto& j : pool.complete_until(now)) jobs_kwh += j.energy_kwh;
      if (now == next_arrival) {
        auto j = job(++id, units(rng), runtime(rng));
        j.priority = prio(rng);
        j.preemptible = coin(rng) == 1;
        pool.submit(j, now);
        next_arrival = now + 20;
      }
      if (now == next_cap) {
        pool.set_power_cap_kw(coin(rng) ? cap(rng) : inf, now);
        next_cap = now + 100;
      }
      pool.start_ready(now);
    }
    double it = pool.it_energy_kwh(end), idle = pool.idle_energy_kwh(end);
    for (const auto& j : pool.drain(end)) jobs_kwh += j.energy_kwh;
    EXPECT_GT(pool.capping_actions(), 5u);
    EXPECT_NEAR((jobs_kwh + idle) / it, 1.0, 1e-9);
    EXPECT_NEAR(power_integral_kwh / it, 1.0, 1e-9);
    // Idle units at idle power, at most: a lower bound on IT energy.
    EXPECT_GT(it, 16 * (2.5 / 4) * end / 3600.0 * (1 - 1e-12));
  }
}

}  // namespace
}  // namespace sovcap::scheduling
