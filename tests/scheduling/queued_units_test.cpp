// Pool::queued_units (what earliest-start placement weighs a site's queue by) against its
// definition, kept independently here: the units of every job submitted and not yet returned,
// less the units running. Random submissions, completions, caps that suspend preemptible jobs,
// priority preemption, node failures that requeue the job hit, and placement taking jobs that
// never started away, under every queue policy.
#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <cmath>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {

void check_policy(QueuePolicy policy, uint32_t seed) {
  SCOPED_TRACE(static_cast<int>(policy));
  Pool pool(testing::pool_spec(8, 8, 10.0, 2.0), policy);
  boost::random::mt19937 rng(seed);
  boost::random::uniform_int_distribution<int> units(1, 24), action(0, 9), prio(0, 3);
  boost::random::uniform_real_distribution<double> u01(0, 1);
  int64_t outstanding = 0;  // units of jobs submitted and not returned
  double t = 0;
  uint64_t id = 1;
  int64_t peak_queued = 0;
  int taken = 0;
  for (int step = 0; step < 3000; ++step) {
    t += 60 * u01(rng);
    int a = action(rng);
    if (a < 5) {
      auto j = testing::job(id++, units(rng), 600 + 6000 * u01(rng));
      j.priority = prio(rng);
      j.preemptible = u01(rng) < 0.5;
      j.checkpoint_interval_s = 900;
      pool.submit(j, t);
      outstanding += j.units;
    } else if (a == 5) {
      pool.set_power_cap_kw(u01(rng) < 0.3 ? 300.0 * u01(rng) : 1e9, t);
    } else if (a == 6) {
      pool.fail_node(t, u01(rng));
    } else if (a == 7) {
      pool.repair_node(t);
    } else if (a == 8) {  // placement moving jobs away: only those that never started leave
      for (const auto& j : pool.take_waiting([](const workload::Job& job) { return job.id % 3 == 0; })) {
        EXPECT_TRUE(std::isnan(j.start_s));
        EXPECT_EQ(j.id % 3, 0u);
        outstanding -= j.units;
        ++taken;
      }
    }
    for (const auto& j : pool.complete_until(t)) outstanding -= j.units;
    pool.start_ready(t);
    ASSERT_EQ(pool.queued_units(), outstanding - pool.busy_units()) << "step " << step;
    peak_queued = std::max(peak_queued, pool.queued_units());
  }
  EXPECT_GT(peak_queued, 64) << "the queue must have held jobs for the check to mean anything";
  EXPECT_GT(taken, 10);
  for (const auto& j : pool.drain(t + 1)) outstanding -= j.units;
  EXPECT_EQ(outstanding, 0);
  EXPECT_EQ(pool.queued_units(), 0);
}

TEST(QueuedUnits, AreTheUnitsWaitingUnderEveryPolicy) {
  for (const auto& p : kQueuePolicyNames) check_policy(p.policy, 7);
}

}  // namespace
}  // namespace sovcap::scheduling
