// The pool's EASY (cached reservations, an indexed queue) against a naive EASY written here from
// the definition, which recomputes the reservation and scans the whole queue at every event.
// Run times are shorter than requested, so reservations move and backfills are frequent.
#include <gtest/gtest.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <algorithm>
#include <limits>
#include <map>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

struct Naive {
  struct R {
    uint64_t id;
    double end_s, req_end_s;
    int units;
  };
  int total;
  std::vector<workload::Job> queue;  // arrival order
  std::vector<R> running;
  std::map<uint64_t, double> start_s;

  int free() const {
    int busy = 0;
    for (const auto& r : running) busy += r.units;
    return total - busy;
  }
  void start(size_t i, double now) {
    const auto& j = queue[i];
    running.push_back({j.id, now + j.runtime_s, now + j.requested_s, j.units});
    start_s[j.id] = now;
    queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(i));
  }
  void schedule(double now) {
    while (!queue.empty() && queue[0].units <= free()) start(0, now);
    if (queue.empty()) return;
    std::vector<R> by_req = running;
    std::sort(by_req.begin(), by_req.end(), [](const R& a, const R& b) { return a.req_end_s < b.req_end_s; });
    int avail = free(), need = queue[0].units;
    double shadow = inf;
    int extra = 0;
    for (const auto& r : by_req) {
      avail += r.units;
      if (avail >= need) {
        shadow = r.req_end_s;
        extra = avail - need;
        break;
      }
    }
    for (size_t i = 1; i < queue.size() && free() > 0;) {
      const auto& j = queue[i];
      bool before = now + j.requested_s <= shadow;
      if (j.units <= free() && (before || j.units <= extra)) {
        if (!before) extra -= j.units;
        start(i, now);
      } else {
        ++i;
      }
    }
  }
  double next_end() const {
    double t = inf;
    for (const auto& r : running) t = std::min(t, r.end_s);
    return t;
  }
  void complete(double now) {
    running.erase(std::remove_if(running.begin(), running.end(), [&](const R& r) { return r.end_s <= now; }),
                  running.end());
  }
};

TEST(EasyBackfillReference, SameStartsAsANaiveEasy) {
  for (uint64_t seed : {11u, 12u, 13u}) {
    const int total = 32;
    boost::random::mt19937_64 rng(seed);
    boost::random::uniform_int_distribution<int> units(1, total);
    boost::random::exponential_distribution<double> req(1.0 / 200.0), gap(1.0 / 7.0);
    boost::random::uniform_real_distribution<double> factor(1.0, 3.0);
    std::vector<workload::Job> jobs;
    double t = 0;
    for (int i = 0; i < 2500; ++i) {  // enough to make the index compact (>= 1024 dead positions)
      t += gap(rng);
      auto j = testing::job(static_cast<uint64_t>(i), units(rng), 0);
      j.requested_s = req(rng);
      j.runtime_s = j.requested_s / factor(rng);
      j.submit_s = t;
      jobs.push_back(j);
    }
    // The naive model.
    Naive naive{total, {}, {}, {}};
    size_t next = 0;
    while (next < jobs.size() || !naive.running.empty() || !naive.queue.empty()) {
      double now = std::min(next < jobs.size() ? jobs[next].submit_s : inf, naive.next_end());
      ASSERT_FALSE(std::isinf(now));
      naive.complete(now);
      while (next < jobs.size() && jobs[next].submit_s <= now) naive.queue.push_back(jobs[next++]);
      naive.schedule(now);
    }
    // The pool.
    Pool pool(testing::pool_spec(4, 8), QueuePolicy::easy_backfill);
    std::map<uint64_t, double> start_s;
    next = 0;
    while (next < jobs.size() || pool.running_jobs() > 0 || pool.queued_jobs() > 0) {
      double now = std::min(next < jobs.size() ? jobs[next].submit_s : inf, pool.next_completion_s());
      ASSERT_FALSE(std::isinf(now));
      pool.complete_until(now);
      while (next < jobs.size() && jobs[next].submit_s <= now) pool.submit(jobs[next++], now);
      for (const auto& j : pool.start_ready(now)) start_s[j.id] = j.start_s;
    }
    ASSERT_EQ(start_s.size(), jobs.size());
    int out_of_order = 0;
    for (const auto& j : jobs) {
      EXPECT_NEAR(start_s[j.id], naive.start_s[j.id], 1e-6) << "job " << j.id << " seed " << seed;
      if (j.id > 0 && start_s[j.id] < start_s[j.id - 1]) ++out_of_order;
    }
    EXPECT_GT(out_of_order, 20);  // backfilling happened
  }
}

}  // namespace
}  // namespace sovcap::scheduling
