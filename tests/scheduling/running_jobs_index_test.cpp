// RunningJobs finds the job holding the k-th busy unit in end order through a tree that keeps each
// subtree's units. Checked against the plain walk it replaced (sort the running jobs by (work-clock
// end, slot), count their units one by one) over random starts and ends: ties in the end, jobs of
// one unit and of many, slots reused, every unit index and one past the last.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

#include "models/scheduling/running_jobs.hpp"

namespace sovcap::scheduling {
namespace {

uint32_t walk(const std::vector<std::tuple<double, uint32_t, int>>& live, int hit) {
  auto sorted = live;
  std::sort(sorted.begin(), sorted.end());
  int seen = 0;
  for (const auto& [end, slot, units] : sorted) {
    seen += units;
    if (hit < seen) return slot;
  }
  return RunningJobs::kNoSlot;
}

TEST(RunningJobsIndex, TheUnitHitMatchesAPlainWalkInEndOrder) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20; ++round) {
    RunningJobs r(false);
    std::vector<std::tuple<double, uint32_t, int>> live;  // (end on the work clock, slot, units)
    for (int step = 0; step < 400; ++step) {
      if (live.empty() || rng() % 3 != 0) {
        QueuedJob q;
        q.job.units = rng() % 4 == 0 ? 8 : 1 + static_cast<int>(rng() % 3);
        q.remaining_s = static_cast<double>(1 + rng() % 20);  // whole seconds: many ends tie
        q.requested_left_s = q.remaining_s;
        const double w = static_cast<double>(rng() % 10);
        uint32_t slot = r.add(std::move(q), w, w);
        live.emplace_back(r[slot].w_end_s, slot, r[slot].q.job.units);
      } else {
        size_t i = rng() % live.size();
        r.remove(std::get<1>(live[i]));
        live.erase(live.begin() + static_cast<long>(i));
      }
      ASSERT_EQ(r.busy_units(), [&] {
        int u = 0;
        for (const auto& x : live) u += std::get<2>(x);
        return u;
      }());
      for (int hit = 0; hit <= r.busy_units(); ++hit)
        ASSERT_EQ(r.slot_holding_unit(hit), walk(live, hit)) << "round " << round << " step " << step << " hit " << hit;
    }
  }
}

TEST(RunningJobsIndex, EmptyHoldsNoUnit) {
  RunningJobs r(false);
  EXPECT_EQ(r.slot_holding_unit(0), RunningJobs::kNoSlot);
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace sovcap::scheduling
