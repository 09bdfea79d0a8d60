#include <gtest/gtest.h>

#include <cmath>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
using testing::ids;
using testing::job;
using testing::pool_spec;
using V = std::vector<uint64_t>;

// One unit busy with a blocker until t = 100, then jobs queued behind it; returns the start order.
V order_after_blocker(QueuePolicy policy, const std::vector<workload::Job>& queued) {
  Pool pool(pool_spec(1, 1), policy);
  pool.submit(job(99, 1, 100), 0);
  pool.start_ready(0);
  for (const auto& j : queued) pool.submit(j, 1);
  EXPECT_TRUE(pool.start_ready(1).empty());
  V order;
  while (pool.running_jobs() > 0) {
    double t = pool.next_completion_s();
    pool.complete_until(t);
    for (auto id : ids(pool.start_ready(t))) order.push_back(id);
  }
  return order;
}

TEST(PolicyOrder, FcfsBySubmission) {
  EXPECT_EQ(order_after_blocker(QueuePolicy::fcfs, {job(1, 1, 30), job(2, 1, 10), job(3, 1, 20)}), (V{1, 2, 3}));
}

TEST(PolicyOrder, SjfByRequestedTimeThenSubmission) {
  // Ordered by the requested time (the estimate), not the true run time; equal estimates FCFS.
  EXPECT_EQ(order_after_blocker(QueuePolicy::sjf, {job(1, 1, 30, 30), job(2, 1, 5, 40), job(3, 1, 10, 10),
                                                   job(4, 1, 20, 30)}),
            (V{3, 1, 4, 2}));
}

TEST(PolicyOrder, PriorityHighestFirstThenSubmission) {
  auto a = job(1, 1, 10), b = job(2, 1, 10), c = job(3, 1, 10), d = job(4, 1, 10);
  a.priority = 1;
  b.priority = 3;
  c.priority = 2;
  d.priority = 3;
  EXPECT_EQ(order_after_blocker(QueuePolicy::priority, {a, b, c, d}), (V{2, 4, 3, 1}));
}

TEST(PolicyOrder, PriorityPreemptsLowerPreemptibleJobsWhichResumeWithTheirWorkLeft) {
  Pool pool(pool_spec(1, 4), QueuePolicy::priority);
  auto low = job(1, 4, 100);
  low.preemptible = true;
  pool.submit(low, 0);
  EXPECT_EQ(ids(pool.start_ready(0)), V{1});
  auto high = job(2, 2, 50);
  high.priority = 5;
  pool.submit(high, 10);
  EXPECT_EQ(ids(pool.start_ready(10)), V{2});
  EXPECT_EQ(pool.preemptions(), 1u);
  EXPECT_EQ(pool.queued_jobs(), 1u);  // the low job, with 90 s of work left
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 60.0);
  pool.complete_until(60);
  auto resumed = pool.start_ready(60);
  ASSERT_EQ(ids(resumed), V{1});
  EXPECT_DOUBLE_EQ(resumed[0].start_s, 0.0);  // its first start
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 150.0);
  auto done = pool.complete_until(150);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_DOUBLE_EQ(done[0].end_s, 150.0);
}

TEST(PolicyOrder, PriorityDoesNotPreemptNonPreemptibleOrEqualPriority) {
  Pool pool(pool_spec(1, 4), QueuePolicy::priority);
  auto fixed = job(1, 2, 100);  // not preemptible
  auto peer = job(2, 2, 100);
  peer.preemptible = true;
  peer.priority = 5;
  pool.submit(fixed, 0);
  pool.submit(peer, 0);
  pool.start_ready(0);
  auto high = job(3, 2, 10);
  high.priority = 5;
  pool.submit(high, 1);
  EXPECT_TRUE(pool.start_ready(1).empty());
  EXPECT_EQ(pool.preemptions(), 0u);
}

TEST(PolicyOrder, FcfsDoesNotBackfillButEasyDoes) {
  for (auto policy : {QueuePolicy::fcfs, QueuePolicy::easy_backfill}) {
    Pool pool(pool_spec(1, 4), policy);
    pool.submit(job(1, 3, 100), 0);
    pool.start_ready(0);
    pool.submit(job(2, 4, 10), 1);       // head: reserved at t = 100 with no spare unit
    pool.submit(job(3, 1, 200), 2);      // would delay the head: never backfilled
    pool.submit(job(4, 1, 40, 50), 3);   // ends by its request (53) before 100: backfilled under EASY
    auto started = pool.start_ready(3);
    if (policy == QueuePolicy::fcfs)
      EXPECT_TRUE(started.empty());
    else
      EXPECT_EQ(ids(started), V{4});
  }
}

TEST(PolicyOrder, EasyBackfillsLongJobsOnUnitsSpareAtTheReservation) {
  Pool pool(pool_spec(1, 4), QueuePolicy::easy_backfill);
  pool.submit(job(1, 3, 100), 0);
  pool.start_ready(0);
  pool.submit(job(2, 2, 10), 1);    // reserved at t = 100, when 4 units are free: 2 spare
  pool.submit(job(3, 1, 500), 2);   // long, but on a spare unit
  EXPECT_EQ(ids(pool.start_ready(2)), V{3});
  pool.submit(job(4, 1, 500), 3);   // no unit free now
  EXPECT_TRUE(pool.start_ready(3).empty());
  pool.complete_until(100);
  EXPECT_EQ(ids(pool.start_ready(100)), (V{2, 4}));
}

TEST(PolicyOrder, CarbonAwareHoldsFlexibleJobsUntilTheirDeadlineNears) {
  auto spec = pool_spec(1, 2);
  spec.carbon_deadline_margin_s = 3600;
  Pool pool(spec, QueuePolicy::carbon_aware);
  pool.set_green(false);
  auto flex = job(1, 1, 1000, 1000);
  flex.deadline_s = 10000;  // released at 10000 - 3600 - 1000 = 5400
  pool.submit(flex, 0);
  pool.submit(job(2, 1, 20000), 1);  // not flexible: unaffected, and not blocked by the held job
  EXPECT_EQ(ids(pool.start_ready(1)), V{2});
  EXPECT_EQ(pool.queued_jobs(), 1u);
  EXPECT_DOUBLE_EQ(pool.next_event_s(), 5400.0);
  EXPECT_DOUBLE_EQ(pool.next_completion_s(), 20001.0);
  EXPECT_TRUE(pool.start_ready(5399).empty());
  auto started = pool.start_ready(5400);
  ASSERT_EQ(ids(started), V{1});
  EXPECT_LE(started[0].start_s + flex.requested_s, flex.deadline_s);
}

TEST(PolicyOrder, CarbonAwareReleasesHeldJobsWhenGreenAndIsFcfsThen) {
  Pool pool(pool_spec(1, 1), QueuePolicy::carbon_aware);
  pool.set_green(false);
  auto flex = job(1, 1, 100);
  flex.deadline_s = 1e6;
  pool.submit(flex, 0);
  EXPECT_TRUE(pool.start_ready(0).empty());
  pool.submit(job(2, 1, 100), 5);
  EXPECT_EQ(ids(pool.start_ready(5)), V{2});
  pool.submit(job(3, 1, 100), 6);
  pool.set_green(true);
  pool.complete_until(105);
  EXPECT_EQ(ids(pool.start_ready(105)), V{1});  // green: FCFS, and job 1 came first
}

}  // namespace
}  // namespace sovcap::scheduling
