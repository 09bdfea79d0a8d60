// EASY's promise: backfilling never delays the queue head. With run times equal to the requested
// times, the head must start no later than the reservation computed (here, independently, from the
// running jobs' ends) when it became the head.
#include <gtest/gtest.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {

struct RunEnd {
  double end_s;
  int units;
};

// The earliest time `units` are free, given the running jobs' ends.
double reservation_s(double now, int units, int total, const std::unordered_map<uint64_t, RunEnd>& running) {
  std::vector<RunEnd> r;
  int busy = 0;
  for (const auto& kv : running) {
    r.push_back(kv.second);
    busy += kv.second.units;
  }
  int free = total - busy;
  if (free >= units) return now;
  std::sort(r.begin(), r.end(), [](const RunEnd& a, const RunEnd& b) { return a.end_s < b.end_s; });
  for (const auto& x : r) {
    free += x.units;
    if (free >= units) return x.end_s;
  }
  return std::numeric_limits<double>::infinity();
}

TEST(EasyBackfillProperty, BackfillingNeverDelaysTheHeadsReservation) {
  const int total = 16;
  long backfilled = 0, heads = 0;
  for (uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
    Pool pool(testing::pool_spec(2, 8), QueuePolicy::easy_backfill);
    boost::random::mt19937_64 rng(seed);
    boost::random::uniform_int_distribution<int> units(1, total);
    boost::random::exponential_distribution<double> runtime(1.0 / 100.0), gap(1.0 / 12.0);
    const int n = 1500;
    std::vector<workload::Job> jobs;
    double t = 0;
    for (int i = 0; i < n; ++i) {
      t += gap(rng);
      auto j = testing::job(static_cast<uint64_t>(i), units(rng), runtime(rng));
      j.submit_s = t;
      jobs.push_back(j);
    }

    std::unordered_map<uint64_t, RunEnd> running;
    std::map<uint64_t, double> reserved;  // head id -> reservation when it became head
    std::vector<bool> started(n, false);
    size_t head = 0, next = 0;
    int64_t prev_head = -1;
    while (next < jobs.size() || pool.running_jobs() > 0 || pool.queued_jobs() > 0) {
      double t_arrival = next < jobs.size() ? jobs[next].submit_s : std::numeric_limits<double>::infinity();
      double now = std::min(t_arrival, pool.next_completion_s());
      ASSERT_FALSE(std::isinf(now)) << "stalled with " << pool.queued_jobs() << " queued";
      for (const auto& j : pool.complete_until(now)) running.erase(j.id);
      while (next < jobs.size() && jobs[next].submit_s <= now) pool.submit(jobs[next++], now);
      for (const auto& j : pool.start_ready(now)) {
        started[j.id] = true;
        running[j.id] = RunEnd{j.start_s + j.runtime_s, j.units};
        for (size_t k = head; k < j.id; ++k)
          if (!started[k]) {
            ++backfilled;
            break;
          }
        auto r = reserved.find(j.id);
        if (r != reserved.end()) {
          EXPECT_LE(j.start_s, r->second + 1e-6) << "job " << j.id << " seed " << seed;
        }
      }
      while (head < next && started[head]) ++head;
      if (head < next && static_cast<int64_t>(head) != prev_head) {
        prev_head = static_cast<int64_t>(head);
        reserved[head] = reservation_s(now, jobs[head].units, total, running);
        ++heads;
      }
    }
    for (int i = 0; i < n; ++i) EXPECT_TRUE(started[i]);
  }
  EXPECT_GT(backfilled, 100) << "the workload must exercise backfilling";
  EXPECT_GT(heads, 100);
}

}  // namespace
}  // namespace sovcap::scheduling
