// The parts a Pool is made of, each on its own against hand-computed cases: what a stopped job keeps
// (checkpoints), the power/speed arithmetic of a cap, the order in which jobs are suspended, the
// running set's unit walk and EASY reservation, and the waiting jobs' sums.
#include <gtest/gtest.h>

#include <limits>

#include "models/scheduling/job_interruption.hpp"
#include "models/scheduling/pool_power.hpp"
#include "models/scheduling/preemption_order.hpp"
#include "models/scheduling/running_jobs.hpp"
#include "models/scheduling/waiting_jobs.hpp"
#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
using testing::pool_spec;
constexpr double inf = std::numeric_limits<double>::infinity();

QueuedJob queued(int units, double work_s, double requested_s, int priority = 0, int64_t seq = 0) {
  QueuedJob q;
  q.job.units = units;
  q.job.priority = priority;
  q.job.requested_s = requested_s;
  q.work_s = work_s;
  q.remaining_s = work_s;
  q.requested_left_s = std::max(work_s, requested_s);
  q.seq = seq;
  return q;
}

TEST(JobInterruption, CheckpointKeepsTheLastWholeIntervalIncludingAnExactBoundary) {
  EXPECT_DOUBLE_EQ(checkpointed_work_s(7.5, 3, 10), 6.0);   // checkpoints at 3 and 6
  EXPECT_DOUBLE_EQ(checkpointed_work_s(6.0, 3, 10), 6.0);   // a crash right at a checkpoint loses nothing
  EXPECT_DOUBLE_EQ(checkpointed_work_s(2.9, 3, 10), 0.0);   // before the first: all lost
  EXPECT_DOUBLE_EQ(checkpointed_work_s(7.5, 0, 10), 0.0);   // no checkpoints
  EXPECT_DOUBLE_EQ(checkpointed_work_s(7.5, -1, 10), 0.0);
  EXPECT_DOUBLE_EQ(checkpointed_work_s(12, 5, 9), 9.0);     // never more than the work
}

TEST(JobInterruption, ARestartRedoesTheWorkSinceTheCheckpointTimesItsUnits) {
  // 4 units, 100 s of work (requested 150 s), checkpoint every 30 s, started at work clock 20: at
  // work clock 90 it has done 70 s; 60 s are kept, 10 s x 4 units lost; 40 s left, 90 s requested left.
  RunningJob r;
  r.q = queued(4, 100, 150);
  r.q.job.checkpoint_interval_s = 30;
  r.q.job.energy_kwh = 1.0;
  r.w_seg_s = 20;
  r.w_end_s = 120;
  r.w_req_end_s = 170;
  Restart x = restarted_job(r, 90, 2.5);
  EXPECT_DOUBLE_EQ(x.lost_unit_s, 40.0);
  EXPECT_DOUBLE_EQ(x.job.remaining_s, 40.0);
  EXPECT_DOUBLE_EQ(x.job.requested_left_s, 90.0);
  EXPECT_DOUBLE_EQ(x.job.job.energy_kwh, 2.5);
  // Suspended at the same instant it keeps all 70 s: 30 s left, 80 s requested left.
  QueuedJob s = suspended_job(r, 90, 2.5);
  EXPECT_DOUBLE_EQ(s.remaining_s, 30.0);
  EXPECT_DOUBLE_EQ(s.requested_left_s, 80.0);
}

TEST(PoolPower, ACapPowersFreeUnitsOffFirstThenThrottlesWithinMinSpeed) {
  // 1 node of 4 units, 10 kW peak, 2 kW idle: per unit 0.5 kW idle, 2 kW dynamic (2.5 kW at full speed).
  auto spec = pool_spec(1, 4, 10.0, 2.0);
  spec.min_speed = 0.25;
  PoolPower p(spec);
  EXPECT_FALSE(p.rebalance(4, 2, 0));  // uncapped: f = 1, nothing off, nothing changes
  EXPECT_DOUBLE_EQ(p.it_power_kw(4, 2, 0), 2 * 2.5 + 2 * 0.5);
  ASSERT_TRUE(p.set_cap(5.6));
  EXPECT_FALSE(p.set_cap(5.6));  // the same cap again changes nothing
  // 2 busy units at full speed draw 5 kW, the 2 free ones 1 kW: 0.4 kW over is 0.8 of an idle unit,
  // so 1 free unit goes off (whole units, the pool ends under the cap).
  EXPECT_TRUE(p.rebalance(4, 2, 0));
  EXPECT_EQ(p.off_units(), 1);
  EXPECT_DOUBLE_EQ(p.speed(), 1.0);
  EXPECT_DOUBLE_EQ(p.it_power_kw(4, 2, 0), 5.5);
  EXPECT_EQ(p.it_power_kw(4, 2, 1), 5.0);  // a failed node's units draw nothing
  // 3 busy units: 1 + 6 f = 5.6 kW would be f = 0.7666..; the last free unit goes off.
  p.rebalance(4, 3, 0);
  EXPECT_EQ(p.off_units(), 1);
  EXPECT_DOUBLE_EQ(p.speed(), (5.6 - 1.5) / 6.0);
  // A cap below min_speed's draw clamps f at min_speed: the pool then needs suspensions.
  p.set_cap(2.0);
  p.rebalance(4, 3, 0);
  EXPECT_DOUBLE_EQ(p.speed(), 0.25);
  EXPECT_TRUE(p.over_cap_at_min_speed(3));   // 1.5 + 6 x 0.25 = 3 kW > 2
  EXPECT_FALSE(p.over_cap_at_min_speed(1));  // 0.5 + 0.5 = 1 kW
  EXPECT_FALSE(p.over_cap_at_min_speed(0));
}

TEST(PoolPower, StartsNeedFullSpeedAndRoomAtPeakAndARefusalIsRemembered) {
  PoolPower p(pool_spec(1, 4, 10.0, 2.0));  // 2.5 kW per unit at peak
  EXPECT_EQ(p.usable_units(4), 4);
  EXPECT_TRUE(p.allows(4, 4));
  p.set_cap(5.0);  // exactly 2 units at peak: the boundary is allowed
  EXPECT_EQ(p.usable_units(4), 2);
  EXPECT_EQ(p.usable_units(1), 1);
  EXPECT_TRUE(p.allows(0, 2));
  EXPECT_FALSE(p.blocked());
  EXPECT_FALSE(p.allows(2, 1));
  EXPECT_TRUE(p.blocked());
  p.clear_blocked();
  p.set_cap(4.0);
  p.rebalance(4, 2, 0);  // throttled: f = (4 - 1) / 4 = 0.75
  EXPECT_DOUBLE_EQ(p.speed(), 0.75);
  EXPECT_FALSE(p.allows(0, 0));  // no start at all while throttled
  EXPECT_DOUBLE_EQ(p.segment_kwh(2, 3600, 1800), 2 * (0.5 * 3600 + 2 * 1800) / 3600.0);
}

TEST(PreemptionOrder, LowestPriorityThenLatestStartedThenEmergency) {
  PreemptionOrder o;
  PreemptionOrder::Victim v;
  EXPECT_FALSE(o.next_for_cap(v));
  o.add(0, /*priority*/ 1, /*run_seq*/ 1, 4, true);
  o.add(1, 1, 2, 2, true);   // same priority, started later: goes first
  o.add(2, 5, 3, 8, true);
  o.add(3, 0, 4, 8, false);  // lowest priority but not preemptible: only in an emergency
  ASSERT_TRUE(o.next_for_cap(v));
  EXPECT_EQ(v.slot, 1u);
  EXPECT_FALSE(v.emergency);
  EXPECT_EQ(o.next_preemptible(), 1u);
  EXPECT_EQ(o.preemptible_units_below(1), 0);
  EXPECT_EQ(o.preemptible_units_below(2), 6);
  EXPECT_EQ(o.preemptible_units_below(6), 14);
  o.remove(1, 1, 2, 2, true);
  o.remove(0, 1, 1, 4, true);
  o.remove(2, 5, 3, 8, true);
  EXPECT_EQ(o.preemptible_units_below(100), 0);
  ASSERT_TRUE(o.next_for_cap(v));
  EXPECT_EQ(v.slot, 3u);
  EXPECT_TRUE(v.emergency);
}

TEST(RunningJobs, TheUnitWalkFollowsEndOrderAndSlotsAreReused) {
  RunningJobs r(true);
  uint32_t a = r.add(queued(3, 100, 100), 0, 0);   // ends at work clock 100
  uint32_t b = r.add(queued(2, 50, 80), 10, 10);   // ends at 60
  uint32_t c = r.add(queued(4, 500, 500), 20, 20);  // ends at 520
  EXPECT_EQ(r.busy_units(), 9);
  EXPECT_EQ(r.count(), 3u);
  EXPECT_EQ(r.first_end().second, b);
  // Busy units in end order: b holds 0-1, a 2-4, c 5-8.
  EXPECT_EQ(r.slot_holding_unit(0), b);
  EXPECT_EQ(r.slot_holding_unit(1), b);
  EXPECT_EQ(r.slot_holding_unit(2), a);
  EXPECT_EQ(r.slot_holding_unit(4), a);
  EXPECT_EQ(r.slot_holding_unit(8), c);
  EXPECT_EQ(r.slot_holding_unit(9), RunningJobs::kNoSlot);
  // Requested ends on the work clock: a 100, b 90, c 520; sum of units x end = 300 + 180 + 2080.
  EXPECT_EQ(r.req_end_unit_s(), 2560);
  EXPECT_TRUE(r[b].run_seq > r[a].run_seq);
  r.remove(b);
  EXPECT_EQ(r.busy_units(), 7);
  EXPECT_EQ(r.first_end().second, a);
  EXPECT_EQ(r.add(queued(1, 5, 5), 30, 30), b);  // the freed slot is reused
}

TEST(RunningJobs, AReservationCountsEveryJobEndingAtTheSameInstant) {
  RunningJobs r(true);
  r.add(queued(2, 40, 40), 0, 0);  // requested end 40
  r.add(queued(3, 40, 40), 0, 0);  // requested end 40 too (a tie)
  r.add(queued(4, 90, 90), 0, 0);  // requested end 90
  // 1 free; a job of 3 units can start at 40, when 2 + 3 units free: 1 + 5 - 3 = 3 spare.
  Reservation x = r.reserve(1, 3);
  EXPECT_DOUBLE_EQ(x.shadow_work_s, 40.0);
  EXPECT_EQ(x.extra_units, 3);
  x = r.reserve(1, 8);  // needs the 4-unit job's end too
  EXPECT_DOUBLE_EQ(x.shadow_work_s, 90.0);
  EXPECT_EQ(x.extra_units, 2);
  EXPECT_EQ(r.reserve(1, 11).shadow_work_s, inf);  // more than the pool holds
}

TEST(WaitingJobs, SumsFollowPushesStartsAndTakes) {
  WaitingJobs w(make_priority_queue());
  w.push(queued(2, 100, 100, 1, 1), false);
  w.push(queued(4, 10, 30, 3, 2), false);
  QueuedJob back = queued(1, 7, 7, 0, 0);
  back.suspended_at_s = 5;  // put back by the cap
  w.push(back, true);
  EXPECT_EQ(w.size(), 3u);
  EXPECT_EQ(w.units(), 7);
  EXPECT_EQ(w.cap_suspended(), 1u);
  EXPECT_EQ(w.cap_suspended_units(), 1);
  // The priority queue orders by priority: ahead of priority 1 are 200 + 120 unit-s; of 4, none.
  EXPECT_EQ(w.work_ahead_unit_s(1), 320);
  EXPECT_EQ(w.work_ahead_unit_s(4), 0);
  EXPECT_EQ(w.work_ahead_unit_s(0), 327);
  w.left(back);  // as when the policy starts it
  EXPECT_EQ(w.cap_suspended(), 0u);
  EXPECT_EQ(w.units(), 6);
  auto taken = w.take_if([](const QueuedJob& q) { return q.job.units == 4; });
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(w.work_ahead_unit_s(0), 200);  // `back` left before: only job 1 counts
  EXPECT_EQ(w.units(), 2);
  auto all = w.take_all();
  EXPECT_EQ(w.units(), 0);
  EXPECT_EQ(w.work_ahead_unit_s(0), 0);
}

}  // namespace
}  // namespace sovcap::scheduling
