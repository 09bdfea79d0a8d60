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

TEST(PowerCapping, NonPreemptibleJobsAreSuspendedAsALastResort) {
  auto spec = pool_spec(1, 2, 10.0, 2.0);  // per unit: 1 kW idle, 4 kW dynamic
  spec.min_speed = 0.5;
  Pool pool(spec, QueuePolicy::fcfs);
  pool.submit(job(1, 1, 100), 0);
  pool.submit(job(2, 1, 1000), 0);
  pool.start_ready(0);
  // Both at min speed: 2 x (1 + 0.5 x 4) = 6 kW > 4 kW. Neither is preemptible, so the one started
  // last (job 2) takes an emergency checkpoint; job 1 alone: 1 + 4 f = 4 -> f = 0.75, its idle
  // neighbour unit powered off.
  pool.set_power_cap_kw(4.0, 0);
  EXPECT_EQ(pool.suspensions(), 1u);
  EXPECT_EQ(pool.emergency_suspensions(), 1u);
  EXPECT_EQ(pool.running_jobs(), 1u);
  EXPECT_EQ(pool.powered_off_units(), 1);
  EXPECT_DOUBLE_EQ(pool.speed(), 0.75);
  EXPECT_NEAR(pool.it_power_kw(), 4.0, 1e-12);
  EXPECT_TRUE(pool.capped());
  const double t1 = 100 / 0.75;
  EXPECT_NEAR(pool.next_completion_s(), t1, 1e-9);
  auto done = pool.complete_until(t1);
  ASSERT_EQ(ids(done), V{1});
  // Job 2 alone at full speed would need 5 kW: it waits (starts need full-speed power).
  EXPECT_TRUE(pool.start_ready(t1).empty());
  EXPECT_EQ(pool.powered_off_units(), 0);  // 2 idle units, 2 kW, fit under 4 kW
  pool.set_power_cap_kw(inf, 200);
  auto resumed = pool.start_ready(200);
  ASSERT_EQ(ids(resumed), V{2});
  EXPECT_FALSE(pool.capped());
  done = pool.complete_until(1200);
  ASSERT_EQ(ids(done), V{2});
  EXPECT_DOUBLE_EQ(done[0].end_s, 1200.0);
  // Delay: job 1 ran t1 s at 0.75 (t1 / 4 s lost), job 2 waited 200 s suspended.
  EXPECT_NEAR(pool.delayed_work_s(), t1 * 0.25 + 200, 1e-9);
  // Energy by hand: job 1: 1 kW x t1 + 4 kW x 100 s of work; the off unit 0; two idle units from t1
  // to 200; job 2: 5 kW x 1000 s; the other unit idle 1000 s.
  double job1 = (1.0 * t1 + 4.0 * 100) / 3600, job2 = 5.0 * 1000 / 3600;
  double idle = (2.0 * (200 - t1) + 1.0 * 1000) / 3600;
  EXPECT_NEAR(pool.it_energy_kwh(1200), job1 + job2 + idle, 1e-12);
  EXPECT_NEAR(pool.idle_energy_kwh(1200), idle, 1e-12);
  // The pool was capped from 0 to 200 (throttled, then a suspended job waiting).
  EXPECT_NEAR(pool.capped_s(), 200.0, 1e-9);
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
  // At min speed all 4 busy units draw 4 x (1 + 0.5 x 2) = 8 kW > 6 kW: suspend job 1 (preemptible).
  // Job 2 alone at full speed draws 2 x 3 = 6 kW: it runs unthrottled, the 2 freed units off.
  pool.set_power_cap_kw(6.0, 10);
  EXPECT_EQ(pool.suspensions(), 1u);
  EXPECT_EQ(pool.emergency_suspensions(), 0u);
  EXPECT_EQ(pool.running_jobs(), 1u);
  EXPECT_EQ(pool.queued_jobs(), 1u);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  EXPECT_EQ(pool.powered_off_units(), 2);
  EXPECT_LE(pool.it_power_kw(), 6.0);
  EXPECT_TRUE(pool.start_ready(20).empty());  // still capped: both would need 12 kW
  pool.set_power_cap_kw(inf, 30);
  EXPECT_EQ(pool.powered_off_units(), 0);
  auto resumed = pool.start_ready(30);
  ASSERT_EQ(ids(resumed), V{1});
  EXPECT_DOUBLE_EQ(resumed[0].start_s, 0.0);
  EXPECT_EQ(pool.capping_actions(), 2u);
  // Job 1 has 90 s left: ends at 120. Job 2 never slowed: ends at 1000.
  auto done = pool.complete_until(120);
  ASSERT_EQ(ids(done), V{1});
  EXPECT_DOUBLE_EQ(done[0].end_s, 120.0);
  // Its energy: 2 units * (1 kW * 100 s running + 2 kW * 100 s of work).
  EXPECT_NEAR(done[0].energy_kwh, 2 * (1.0 * 100 + 2.0 * 100) / 3600.0, 1e-12);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 1000.0);
  // Delay: job 1 (2 units) suspended 20 s; nothing throttled: 2 x 20 unit-seconds.
  EXPECT_NEAR(pool.delayed_work_s(), 2 * 20.0, 1e-9);
}

TEST(PowerCapping, IdleUnitsPowerOffBeforeAnythingIsThrottled) {
  auto spec = pool_spec(4, 1, 10.0, 2.0);  // per unit: 2 kW idle, 8 kW dynamic
  Pool pool(spec, QueuePolicy::fcfs);
  pool.submit(job(1, 1, 1000), 0);
  pool.start_ready(0);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 10.0 + 3 * 2.0);
  pool.set_power_cap_kw(14.0, 0);  // 16 kW all on: one idle unit off is enough
  EXPECT_EQ(pool.powered_off_units(), 1);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 14.0);
  pool.set_power_cap_kw(11.0, 10);  // ceil(5 / 2) = 3 units off: 10 kW
  EXPECT_EQ(pool.powered_off_units(), 3);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 10.0);
  pool.set_power_cap_kw(6.0, 20);  // all off, then throttle: 2 + 8 f = 6
  EXPECT_DOUBLE_EQ(pool.speed(), 0.5);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 6.0);
  EXPECT_EQ(pool.suspensions(), 0u);
  // A second job may start by powering idle units off, when the cap allows both at full speed.
  pool.set_power_cap_kw(20.0, 30);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  EXPECT_EQ(pool.powered_off_units(), 0);  // 10 + 3 x 2 = 16 <= 20
  pool.submit(job(2, 1, 100), 30);
  ASSERT_EQ(ids(pool.start_ready(30)), V{2});
  EXPECT_EQ(pool.powered_off_units(), 2);  // 20 + 2 x 2 = 24: two off
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 20.0);
  // Only the 10 s at half speed delayed anything: 5 s.
  EXPECT_NEAR(pool.delayed_work_s(), 5.0, 1e-12);
  // Energy by hand, 0-30 s: 14 kW (job + 2 idle units on), then 10 kW (job alone), then 6 kW.
  double kwh = (14.0 * 10 + 10.0 * 10 + 6.0 * 10) / 3600;
  EXPECT_NEAR(pool.it_energy_kwh(30), kwh, 1e-12);
}

TEST(PowerCapping, ZeroCapSuspendsEverythingAndDrawsNothing) {
  auto spec = pool_spec(2, 4, 12.0, 4.0);
  spec.min_speed = 0.2;
  Pool pool(spec, QueuePolicy::easy_backfill);
  for (uint64_t i = 1; i <= 3; ++i) {
    auto j = job(i, 2, 100 * i);
    j.preemptible = i == 2;
    pool.submit(j, 0);
  }
  pool.start_ready(0);
  double before = pool.it_energy_kwh(50);
  pool.set_power_cap_kw(0.0, 50);
  EXPECT_EQ(pool.running_jobs(), 0u);
  EXPECT_EQ(pool.suspensions(), 3u);
  EXPECT_EQ(pool.emergency_suspensions(), 2u);
  EXPECT_EQ(pool.it_power_kw(), 0.0);
  EXPECT_TRUE(pool.start_ready(60).empty());
  EXPECT_EQ(pool.it_energy_kwh(500), before);  // nothing drawn while the cap is 0
  pool.set_power_cap_kw(inf, 500);
  EXPECT_EQ(pool.start_ready(500).size(), 3u);
  // Each resumes with its work left: 50, 150 and 250 s.
  auto done = pool.complete_until(750);
  ASSERT_EQ(done.size(), 3u);
  for (const auto& j : done) EXPECT_DOUBLE_EQ(j.end_s, 500 + 100.0 * j.id - 50) << j.id;
  EXPECT_NEAR(pool.delayed_work_s(), 3 * 2 * 450.0, 1e-9);  // three 2-unit jobs waited 450 s each
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
    double interval_kwh = 0, cap_kw = inf, max_over_kw = 0;
    uint64_t capped_changes = 0;
    while (t < end) {
      double now = std::min({next_arrival, next_cap, pool.next_completion_s(), end});
      power_integral_kwh += pool.it_power_kw() * (now - t) / 3600.0;
      t = now;
      for (const auto& j : pool.complete_until(now)) jobs_kwh += j.energy_kwh;
      max_over_kw = std::max(max_over_kw, pool.it_power_kw() - cap_kw);
      if (coin(rng)) interval_kwh += pool.take_interval_it_energy_kwh(now);
      if (now == next_arrival) {
        auto j = job(++id, units(rng), runtime(rng));
        j.priority = prio(rng);
        j.preemptible = coin(rng) == 1;
        pool.submit(j, now);
        next_arrival = now + 20;
      }
      if (now == next_cap) {
        // Caps from 0 (everything suspended) to above the pool's peak, or none.
        cap_kw = coin(rng) ? (coin(rng) ? cap(rng) : 0.0) : inf;
        pool.set_power_cap_kw(cap_kw, now);
        capped_changes += pool.capped();
        next_cap = now + 100;
      }
      max_over_kw = std::max(max_over_kw, pool.it_power_kw() - cap_kw);
      pool.start_ready(now);
      max_over_kw = std::max(max_over_kw, pool.it_power_kw() - cap_kw);
    }
    double it = pool.it_energy_kwh(end), idle = pool.idle_energy_kwh(end);
    for (const auto& j : pool.drain(end)) jobs_kwh += j.energy_kwh;
    interval_kwh += pool.take_interval_it_energy_kwh(end);
    EXPECT_GT(pool.capping_actions(), 5u);
    EXPECT_GT(pool.emergency_suspensions(), 0u);
    EXPECT_GT(capped_changes, 0u);
    EXPECT_NEAR((jobs_kwh + idle) / it, 1.0, 1e-9);
    EXPECT_NEAR(power_integral_kwh / it, 1.0, 1e-9);
    EXPECT_NEAR(interval_kwh / it, 1.0, 1e-12);
    // The cap holds at every instant (the pool's power is constant between its events).
    EXPECT_LE(max_over_kw, 1e-9);
    // At most all units at peak.
    EXPECT_LE(it, 16 * (10.2 / 4) * end / 3600.0 * (1 + 1e-12));
  }
}

}  // namespace
}  // namespace sovcap::scheduling
