#include <gtest/gtest.h>

#include <cmath>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
using testing::ids;
using testing::job;
using testing::pool_spec;
using V = std::vector<uint64_t>;

TEST(Fcfs, StartsInOrderAndTheHeadBlocks) {
  Pool pool(pool_spec(1, 4), QueuePolicy::fcfs);
  pool.submit(job(1, 3, 100), 0);
  EXPECT_EQ(ids(pool.start_ready(0)), V{1});
  pool.submit(job(2, 2, 10), 1);  // does not fit beside job 1
  pool.submit(job(3, 1, 10), 2);  // would fit, but FCFS is strict
  EXPECT_TRUE(pool.start_ready(2).empty());
  EXPECT_EQ(pool.busy_units(), 3);
  EXPECT_EQ(pool.queued_jobs(), 2u);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 100.0);
  auto done = pool.complete_until(100);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].status, workload::JobStatus::completed);
  EXPECT_DOUBLE_EQ(done[0].end_s, 100.0);
  EXPECT_DOUBLE_EQ(done[0].start_s, 0.0);
  auto started = pool.start_ready(100);
  EXPECT_EQ(ids(started), (V{2, 3}));
  for (const auto& j : started) EXPECT_DOUBLE_EQ(j.start_s, 100.0);
  EXPECT_EQ(pool.running_jobs(), 2u);
  EXPECT_EQ(pool.queued_jobs(), 0u);
}

TEST(Fcfs, NothingRunningMeansNoCompletion) {
  Pool pool(pool_spec(2, 8), QueuePolicy::fcfs);
  EXPECT_TRUE(std::isinf(pool.next_completion_s()));
  EXPECT_EQ(pool.total_units(), 16);
  EXPECT_TRUE(pool.can_ever_fit(job(1, 16, 1)));
  EXPECT_FALSE(pool.can_ever_fit(job(1, 17, 1)));
  EXPECT_THROW(pool.submit(job(1, 17, 1), 0), std::invalid_argument);
}

TEST(Fcfs, SimultaneousCompletionsAllReturned) {
  Pool pool(pool_spec(1, 4), QueuePolicy::fcfs);
  for (uint64_t i = 1; i <= 4; ++i) pool.submit(job(i, 1, 0.1 * 3), 0);  // 0.3 is not exact in binary
  pool.start_ready(0);
  double t = pool.next_completion_s();
  EXPECT_EQ(pool.complete_until(t).size(), 4u);
  EXPECT_EQ(pool.busy_units(), 0);
}

TEST(Fcfs, CompletionsLateByRoundingStillFinishAtTheNextCompletionTime) {
  // Many jobs with awkward run times: looping "sleep until next completion, complete" must never
  // stall (a completion a rounding error past the announced time would make the caller spin).
  Pool pool(pool_spec(1, 3), QueuePolicy::fcfs);
  for (uint64_t i = 1; i <= 300; ++i) pool.submit(job(i, 1, 0.1 * static_cast<double>(i % 7 + 1) / 3.0), 0);
  pool.start_ready(0);
  size_t done = 0;
  for (int guard = 0; guard < 1000 && pool.running_jobs() > 0; ++guard) {
    double t = pool.next_completion_s();
    auto finished = pool.complete_until(t);
    ASSERT_FALSE(finished.empty());
    done += finished.size();
    pool.start_ready(t);
  }
  EXPECT_EQ(done, 300u);
}

TEST(Fcfs, PowerCapBlocksNewStarts) {
  // 1 node of 4 units: idle 2 kW, peak 10 kW -> 0.5 kW idle and 2 kW dynamic per unit.
  Pool pool(pool_spec(1, 4), QueuePolicy::fcfs);
  pool.set_power_cap_kw(2.0 + 2 * 2.0, 0);  // room for two busy units at full speed
  pool.submit(job(1, 2, 10), 0);
  pool.submit(job(2, 1, 10), 0);
  EXPECT_EQ(ids(pool.start_ready(0)), V{1});
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 6.0);
  EXPECT_DOUBLE_EQ(pool.speed(), 1.0);
  pool.set_power_cap_kw(std::numeric_limits<double>::infinity(), 5);
  EXPECT_EQ(ids(pool.start_ready(5)), V{2});
}

TEST(Fcfs, DrainReturnsEverythingUnfinished) {
  Pool pool(pool_spec(1, 2), QueuePolicy::fcfs);
  pool.submit(job(1, 2, 100), 0);
  pool.submit(job(2, 1, 10), 0);
  pool.start_ready(0);
  auto all = pool.drain(50);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, 1u);
  EXPECT_EQ(all[0].status, workload::JobStatus::unfinished);
  // 2 units * (0.5 kW idle + 4 kW dynamic at full speed) * 50 s.
  EXPECT_NEAR(all[0].energy_kwh, 2 * 5.0 * 50 / 3600.0, 1e-12);
  EXPECT_EQ(all[1].id, 2u);
  EXPECT_EQ(all[1].status, workload::JobStatus::unfinished);
  EXPECT_EQ(pool.running_jobs(), 0u);
  EXPECT_EQ(pool.queued_jobs(), 0u);
}

}  // namespace
}  // namespace sovcap::scheduling
