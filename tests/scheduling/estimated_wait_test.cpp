// Pool::estimated_wait_s (what earliest-start placement weighs sites by) against hand computations
// from its definition: 0 when nothing queued goes first and the job fits in the usable free units;
// else (queued unit-seconds ahead + the share of the running jobs' requested unit-seconds left that
// must end to free its units) / usable units / speed. Usable units leave out failed nodes and the
// units the power cap cannot run at full speed.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {

// 2 nodes of 4 units, 10 kW peak and 2 kW idle per node: 2.5 kW per unit at full speed.
Pool busy_pool(QueuePolicy policy) {
  Pool pool(testing::pool_spec(2, 4, 10.0, 2.0), policy);
  pool.submit(testing::job(1, 6, 100, 200), 0);  // 6 units, asks 200 s
  pool.start_ready(0);
  return pool;
}

TEST(EstimatedWait, ZeroWhenItFitsAndNothingGoesFirst) {
  Pool empty(testing::pool_spec(2, 4, 10.0, 2.0), QueuePolicy::easy_backfill);
  EXPECT_EQ(empty.estimated_wait_s(8, 0), 0);
  auto pool = busy_pool(QueuePolicy::fcfs);
  pool.start_ready(50);
  EXPECT_EQ(pool.estimated_wait_s(2, 0), 0);  // 2 free
}

TEST(EstimatedWait, ShareOfTheRunningWorkThatMustEnd) {
  auto pool = busy_pool(QueuePolicy::fcfs);
  pool.start_ready(50);
  // At 50 s: 6 units x (200 - 50) s = 900 unit-s of requested work left. 4 units need 2 more than
  // the 2 free: 2/6 of it must end: 300 unit-s over 8 usable units = 37.5 s.
  EXPECT_DOUBLE_EQ(pool.estimated_wait_s(4, 0), 37.5);
  // All 8: 6/6 of it: 900 / 8 = 112.5 s.
  EXPECT_DOUBLE_EQ(pool.estimated_wait_s(8, 0), 112.5);
}

TEST(EstimatedWait, QueuedWorkAheadCountsByPriorityWhereTheQueueIsOrderedSo) {
  for (auto policy : {QueuePolicy::fcfs, QueuePolicy::easy_backfill}) {
    auto pool = busy_pool(policy);
    auto b = testing::job(2, 8, 100);  // queued: 8 units x 100 s = 800 unit-s, priority 1
    b.priority = 1;
    pool.submit(b, 50);
    pool.start_ready(50);
    ASSERT_EQ(pool.queued_jobs(), 1u);
    // Behind it: 800 unit-s, then its own unit from the running work (1/6 of 900): 950 / 8.
    EXPECT_DOUBLE_EQ(pool.estimated_wait_s(1, 0), 118.75);
    // Priority 5: ahead of it under the priority-ordered EASY (it fits now), behind it under FCFS.
    EXPECT_DOUBLE_EQ(pool.estimated_wait_s(1, 5), policy == QueuePolicy::fcfs ? 118.75 : 0.0);
  }
}

TEST(EstimatedWait, FailedNodesAndTheCapShrinkTheUsableUnits) {
  auto pool = busy_pool(QueuePolicy::fcfs);
  pool.start_ready(50);
  // A 16 kW cap runs floor(16 / 2.5) = 6 units at full speed: the 6 running, none free. (It
  // throttles nothing: 6 x 2.5 = 15 kW.)
  pool.set_power_cap_kw(16.0, 50);
  EXPECT_EQ(pool.usable_units(), 6);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  EXPECT_DOUBLE_EQ(pool.estimated_wait_s(1, 0), (900.0 / 6) / 6);  // 1/6 of 900 over 6 units
  EXPECT_TRUE(std::isinf(pool.estimated_wait_s(7, 0)));            // more than it can run at all
  pool.set_power_cap_kw(std::numeric_limits<double>::infinity(), 50);
  EXPECT_EQ(pool.usable_units(), 8);
  pool.fail_node(50, 0.99);  // a unit not running the job (the busy units come first)
  EXPECT_EQ(pool.usable_units(), 4);
  EXPECT_TRUE(std::isinf(pool.estimated_wait_s(5, 0)));
}

TEST(EstimatedWait, ThrottlingStretchesIt) {
  auto pool = busy_pool(QueuePolicy::fcfs);
  pool.start_ready(50);
  // 6 busy units at speed f draw 6 x (0.5 + 2 f) kW: a 9 kW cap gives f = 0.5 (min speed), and
  // runs floor(9 / 2.5) = 3 units at full speed.
  pool.set_power_cap_kw(9.0, 50);
  ASSERT_DOUBLE_EQ(pool.speed(), 0.5);
  EXPECT_EQ(pool.usable_units(), 3);
  EXPECT_TRUE(std::isinf(pool.estimated_wait_s(4, 0)));
  // 1 unit: (1/6 of 900) / 3 usable / 0.5.
  EXPECT_DOUBLE_EQ(pool.estimated_wait_s(1, 0), 150.0 / 3 / 0.5);
}

}  // namespace
}  // namespace sovcap::scheduling
