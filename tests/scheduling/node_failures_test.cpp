// Node failures: the failure process against the alternating-renewal closed
// form, and the pool's kill-and-resume-from-checkpoint against hand timelines.
#include <gtest/gtest.h>

#include <cmath>

#include "models/scheduling/node_failures.hpp"
#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
using testing::job;
using testing::pool_spec;
constexpr double h = 3600.0;

TEST(NodeFailures, LongRunAvailabilityAndFailureRateMatchTheClosedForm) {
  // Each node alternates Exp(mtbf) up and Exp(mttr) down: availability mtbf / (mtbf + mttr), and
  // failures happen at rate 1 / mtbf per node-hour up.
  const int nodes = 200;
  const double mtbf = 100 * h, mttr = 10 * h, horizon = 20000 * h;
  NodeFailures f(nodes, mtbf, mttr, 42);
  double t = 0, up_node_s = 0;
  long failures = 0;
  while (f.next_s() < horizon) {
    double next = f.next_s();
    up_node_s += f.nodes_up() * (next - t);
    t = next;
    if (f.pop().failure) ++failures;
  }
  up_node_s += f.nodes_up() * (horizon - t);
  EXPECT_NEAR(up_node_s / (nodes * horizon), mtbf / (mtbf + mttr), 0.005);
  EXPECT_NEAR(failures / (up_node_s / mtbf), 1.0, 0.02);
}

TEST(NodeFailures, SeededAndOffWithoutMtbf) {
  NodeFailures a(50, 10 * h, h, 7), b(50, 10 * h, h, 7), c(50, 10 * h, h, 8);
  for (int i = 0; i < 100; ++i) {
    auto x = a.pop(), y = b.pop();
    EXPECT_EQ(x.t_s, y.t_s);
    EXPECT_EQ(x.u01, y.u01);
  }
  EXPECT_NE(NodeFailures(50, 10 * h, h, 7).next_s(), c.next_s());
  EXPECT_TRUE(std::isinf(NodeFailures(50, 0, 0, 7).next_s()));
}

TEST(PoolNodeFailure, KilledJobResumesFromItsLastCheckpoint) {
  // One node of 8 units. A 10 h job checkpointing every 3 h fails at 7.5 h: 6 h of work are saved,
  // 1.5 h lost. The node is back at 9 h; the job reruns its last 4 h and ends at 13 h.
  Pool pool(pool_spec(1, 8, 10.0, 2.0), QueuePolicy::fcfs);
  auto j = job(1, 8, 10 * h);
  j.checkpoint_interval_s = 3 * h;
  pool.submit(j, 0);
  pool.start_ready(0);
  pool.fail_node(7.5 * h, 0.3);
  EXPECT_EQ(pool.running_jobs(), 0u);
  EXPECT_EQ(pool.queued_jobs(), 1u);
  EXPECT_EQ(pool.down_units(), 8);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 0.0) << "a failed node draws nothing";
  pool.start_ready(8 * h);
  EXPECT_EQ(pool.running_jobs(), 0u) << "no units until the repair";
  pool.repair_node(9 * h);
  pool.start_ready(9 * h);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 13 * h);
  auto done = pool.complete_until(13 * h);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_DOUBLE_EQ(done[0].start_s, 0.0) << "the first start is kept";
  EXPECT_DOUBLE_EQ(done[0].end_s, 13 * h);
  EXPECT_EQ(pool.job_restarts(), 1u);
  EXPECT_EQ(pool.node_failures(), 1u);
  EXPECT_NEAR(pool.lost_work_s(), 1.5 * h * 8, 1e-6);
  // Energy: the job ran 7.5 h + 4 h at peak (10 kW); the node drew nothing while down (1.5 h).
  EXPECT_NEAR(done[0].energy_kwh, 10.0 * 11.5, 1e-9);
  EXPECT_NEAR(pool.it_energy_kwh(13 * h), done[0].energy_kwh + pool.idle_energy_kwh(13 * h), 1e-9);
}

TEST(PoolNodeFailure, WithoutCheckpointsTheJobRestartsFromScratch) {
  Pool pool(pool_spec(1, 8, 10.0, 2.0), QueuePolicy::fcfs);
  pool.submit(job(1, 8, 10 * h), 0);
  pool.start_ready(0);
  pool.fail_node(7.5 * h, 0.0);
  pool.repair_node(9 * h);
  pool.start_ready(9 * h);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 19 * h);
  EXPECT_NEAR(pool.lost_work_s(), 7.5 * h * 8, 1e-6);
}

TEST(PoolNodeFailure, OnlyTheJobHitDiesAndTheNodeLeavesServiceAsItsOtherJobsEnd) {
  // Two nodes of 8 units, four 4-unit jobs fill them. A failure on a busy unit kills that job only;
  // the node's other 4 units stay with their job, so the pool is 4 units short: nothing starts.
  Pool pool(pool_spec(2, 8, 10.0, 2.0), QueuePolicy::fcfs);
  for (uint64_t id = 1; id <= 4; ++id) pool.submit(job(id, 4, 100 * h), 0);
  pool.start_ready(0);
  ASSERT_EQ(pool.busy_units(), 16);
  pool.fail_node(h, 0.0);
  EXPECT_EQ(pool.job_restarts(), 1u);
  EXPECT_EQ(pool.running_jobs(), 3u);
  EXPECT_EQ(pool.busy_units(), 12);
  EXPECT_EQ(pool.down_units(), 8);
  EXPECT_DOUBLE_EQ(pool.it_power_kw(), 12 * 10.0 / 8) << "busy units at peak, no idle unit left";
  EXPECT_TRUE(pool.start_ready(2 * h).empty()) << "the killed job waits: the pool is over-committed";
  // The repair gives 4 free units: the killed job restarts (from scratch, no checkpoint).
  pool.repair_node(3 * h);
  auto started = pool.start_ready(3 * h);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 100 * h) << "the three survivors end first";
  EXPECT_NEAR(pool.it_energy_kwh(3 * h), pool.idle_energy_kwh(3 * h) + 0.0 + [&] {
    double kwh = 0;  // jobs' energy so far: 3 x 4 units x 3 h + the killed one's 1 h, all at peak 1.25 kW/unit
    kwh += 3 * 4 * 1.25 * 3 + 4 * 1.25 * 1;
    return kwh;
  }(), 1e-9);
  // A failure landing on a free node kills nothing.
  Pool quiet(pool_spec(2, 8, 10.0, 2.0), QueuePolicy::fcfs);
  quiet.submit(job(1, 8, 100 * h), 0);
  quiet.start_ready(0);
  quiet.fail_node(h, 0.99);  // units in service: 8 busy then 8 free; 0.99 hits a free one
  EXPECT_EQ(quiet.job_restarts(), 0u);
  EXPECT_EQ(quiet.running_jobs(), 1u);
  EXPECT_EQ(quiet.down_units(), 8);
}

}  // namespace
}  // namespace sovcap::scheduling
