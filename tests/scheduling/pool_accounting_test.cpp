// Pool figures against hand timelines: busy-unit-seconds (utilisation), work put off by capping
// weighted by job size, and jobs killed at their time limit.
#include <gtest/gtest.h>

#include <limits>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
using testing::ids;
using testing::job;
using testing::pool_spec;
using V = std::vector<uint64_t>;
using workload::JobStatus;

TEST(PoolAccounting, BusyUnitSecondsAreTheExactTimeWeightedOccupancy) {
  // 8 units. A: 3 units 0-100 s; B: 2 units 0-30 s; C: 4 units 50-75 s.
  // Busy: 5 over 0-30, 3 over 30-50, 7 over 50-75, 3 over 75-100, then 0.
  Pool pool(pool_spec(1, 8), QueuePolicy::fcfs);
  pool.submit(job(1, 3, 100), 0);
  pool.submit(job(2, 2, 30), 0);
  ASSERT_EQ(ids(pool.start_ready(0)), (V{1, 2}));
  // Step 0-40 s: 5 x 30 + 3 x 10 = 180 unit-s. Snapshots at the step ends (3 busy at 40 s) would say 120.
  EXPECT_DOUBLE_EQ(pool.take_interval_busy_unit_s(40), 180.0);
  pool.complete_until(40);
  pool.submit(job(3, 4, 25), 50);
  ASSERT_EQ(ids(pool.start_ready(50)), V{3});
  // Step 40-120 s: 3 x 10 + 7 x 25 + 3 x 25 = 280 unit-s (snapshots at 80 and 120 s: 3 and 0).
  EXPECT_DOUBLE_EQ(pool.take_interval_busy_unit_s(120), 280.0);
  EXPECT_DOUBLE_EQ(pool.take_interval_busy_unit_s(120), 0.0);  // taken: nothing left
  EXPECT_DOUBLE_EQ(pool.busy_unit_s(200), 460.0);              // since 0, unchanged after 100 s
}

TEST(PoolAccounting, BusyUnitsIntegrateThroughAJobThatStartsAndEndsInsideAStep) {
  Pool pool(pool_spec(2, 4), QueuePolicy::fcfs);
  pool.submit(job(1, 6, 7.5), 1);
  pool.start_ready(1);
  // A step-end snapshot at 900 s sees nothing; the job held 6 units for 7.5 s.
  EXPECT_DOUBLE_EQ(pool.take_interval_busy_unit_s(900), 45.0);
  EXPECT_EQ(pool.busy_units(), 0);
}

TEST(PoolAccounting, DelayedWorkIsWeightedByUnits) {
  // 1 unit and 4 units throttled to half speed for 10 s: 5 unit-s and 20 unit-s of work put off.
  for (int units : {1, 4}) {
    auto spec = pool_spec(1, 4, 10.0, 2.0);  // per unit 0.5 kW idle, 2 kW dynamic
    spec.min_speed = 0.1;
    Pool pool(spec, QueuePolicy::fcfs);
    pool.submit(job(1, units, 1000), 0);
    pool.start_ready(0);
    // All free units off, then f = 0.5: units x (0.5 + 0.5 x 2) kW.
    pool.set_power_cap_kw(units * 1.5, 10);
    ASSERT_DOUBLE_EQ(pool.speed(), 0.5) << units;
    pool.set_power_cap_kw(std::numeric_limits<double>::infinity(), 20);
    EXPECT_NEAR(pool.delayed_work_s(), units * 0.5 * 10, 1e-9) << units;
  }
}

TEST(PoolAccounting, AJobPastItsLimitIsKilledThereWhenItsClassSaysSo) {
  auto spec = pool_spec(1, 4, 10.0, 2.0);  // per unit 0.5 kW idle, 2.5 kW peak
  for (bool kill : {false, true}) {
    Pool pool(spec, QueuePolicy::easy_backfill);
    auto over = job(1, 2, 100, 60);  // needs 100 s, asked for 60 s
    over.kill_at_time_limit = kill;
    auto within = job(2, 2, 50, 60);  // inside its limit: never killed
    within.kill_at_time_limit = true;
    pool.submit(over, 0);
    pool.submit(within, 0);
    pool.start_ready(0);
    auto done = pool.complete_until(1000);
    ASSERT_EQ(ids(done), (V{2, 1})) << kill;
    EXPECT_EQ(done[0].status, JobStatus::completed);
    EXPECT_DOUBLE_EQ(done[0].end_s, 50.0);
    EXPECT_EQ(done[1].status, kill ? JobStatus::killed : JobStatus::completed);
    EXPECT_DOUBLE_EQ(done[1].end_s, kill ? 60.0 : 100.0);
    // Energy up to its end: 2 units x 2.5 kW.
    EXPECT_NEAR(done[1].energy_kwh, 2 * 2.5 * (kill ? 60.0 : 100.0) / 3600.0, 1e-12);
    EXPECT_EQ(pool.jobs_killed(), kill ? 1u : 0u);
  }
}

TEST(PoolAccounting, AKilledAtLimitJobHitByAFailureRestartsAndStillEndsAtItsLimit) {
  // 2 nodes x 2 units; the job (2 units, needs 100 s, limit 60 s, no checkpoints) is hit at 20 s,
  // waits for the repair at 30 s (the other node is free: it restarts at once), and runs 60 s more.
  Pool pool(pool_spec(2, 2), QueuePolicy::fcfs);
  auto j = job(1, 2, 100, 60);
  j.kill_at_time_limit = true;
  pool.submit(j, 0);
  pool.start_ready(0);
  pool.fail_node(20, 0.0);  // the first unit in service: the job's
  EXPECT_EQ(pool.job_restarts(), 1u);
  EXPECT_DOUBLE_EQ(pool.lost_work_s(), 2 * 20.0);
  ASSERT_EQ(ids(pool.start_ready(20)), V{1});
  auto done = pool.complete_until(1000);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].status, JobStatus::killed);
  EXPECT_DOUBLE_EQ(done[0].end_s, 80.0);
}

}  // namespace
}  // namespace sovcap::scheduling
