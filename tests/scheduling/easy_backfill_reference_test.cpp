// The pool's EASY (cached reservations, an indexed queue) against a reference EASY written here
// from its published definition (Lifka 1995; Mu'alem & Feitelson 2001), which recomputes
// everything from scratch at every event:
//   1. start jobs from the head of the queue while they fit;
//   2. the head that does not fit gets the "shadow time": the earliest expected end (start +
//      requested time) of a running job at which, counting every running job expected to have
//      ended by then, enough processors are free; the "extra" processors are those free at the
//      shadow time (total minus the processors of jobs still expected to run after it) minus the
//      head's need;
//   3. every later job, in queue order, starts now if it fits now and either is expected to end by
//      the shadow time or uses no more than the extra processors (which it then consumes).
// The queue order is arrival order (easy_backfill_fifo), or highest priority first, then arrival
// (easy_backfill, like Slurm's priority-ordered queue under its backfill scheduler).
// Run times are shorter than requested, so reservations move and backfills are frequent.
#include <gtest/gtest.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/geometric_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {
constexpr double inf = std::numeric_limits<double>::infinity();

struct Reference {
  struct R {
    double end_s, expected_end_s;
    int units;
  };
  int total;
  bool by_priority;
  std::vector<workload::Job> queue;  // in queue order
  std::vector<R> running;
  std::map<uint64_t, double> start_s;

  int busy_after(double t) const {  // processors held by jobs expected to run past t
    int busy = 0;
    for (const auto& r : running)
      if (r.expected_end_s > t) busy += r.units;
    return busy;
  }
  int free() const {
    int busy = 0;
    for (const auto& r : running) busy += r.units;
    return total - busy;
  }
  void add(const workload::Job& j) {
    auto at = queue.end();
    if (by_priority)  // after every job of the same or higher priority: FCFS within a priority
      at = std::find_if(queue.begin(), queue.end(), [&](const workload::Job& q) { return q.priority < j.priority; });
    queue.insert(at, j);
  }
  void start(size_t i, double now) {
    const auto& j = queue[i];
    running.push_back({now + j.runtime_s, now + std::max(j.runtime_s, j.requested_s), j.units});
    start_s[j.id] = now;
    queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(i));
  }
  void schedule(double now) {
    while (!queue.empty() && queue[0].units <= free()) start(0, now);
    if (queue.empty()) return;
    const int need = queue[0].units;
    // The shadow time: the least expected end at which the processors free are enough.
    double shadow = inf;
    for (const auto& r : running)
      if (r.expected_end_s < shadow && total - busy_after(r.expected_end_s) >= need) shadow = r.expected_end_s;
    int extra = std::isinf(shadow) ? 0 : total - busy_after(shadow) - need;
    for (size_t i = 1; i < queue.size() && free() > 0;) {
      const auto& j = queue[i];
      bool ends_by_shadow = now + std::max(j.runtime_s, j.requested_s) <= shadow;
      if (j.units <= free() && (ends_by_shadow || j.units <= extra)) {
        if (!ends_by_shadow) extra -= j.units;
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

// Start times by job id under the reference, then under the pool.
std::map<uint64_t, double> reference_starts(const std::vector<workload::Job>& jobs, int total, bool by_priority) {
  Reference ref{total, by_priority, {}, {}, {}};
  size_t next = 0;
  while (next < jobs.size() || !ref.running.empty() || !ref.queue.empty()) {
    double now = std::min(next < jobs.size() ? jobs[next].submit_s : inf, ref.next_end());
    if (std::isinf(now)) break;
    ref.complete(now);
    while (next < jobs.size() && jobs[next].submit_s <= now) ref.add(jobs[next++]);
    ref.schedule(now);
  }
  return ref.start_s;
}

std::map<uint64_t, double> pool_starts(const std::vector<workload::Job>& jobs, int nodes, int per_node, QueuePolicy policy) {
  Pool pool(testing::pool_spec(nodes, per_node), policy);
  std::map<uint64_t, double> start_s;
  size_t next = 0;
  while (next < jobs.size() || pool.running_jobs() > 0 || pool.queued_jobs() > 0) {
    double now = std::min(next < jobs.size() ? jobs[next].submit_s : inf, pool.next_completion_s());
    if (std::isinf(now)) break;
    pool.complete_until(now);
    while (next < jobs.size() && jobs[next].submit_s <= now) pool.submit(jobs[next++], now);
    for (const auto& j : pool.start_ready(now)) start_s[j.id] = j.start_s;
  }
  return start_s;
}

// Same start for every job; returns how many started before a job submitted earlier (backfills
// and priority overtakes), so the caller can check the case exercised what it meant to.
int expect_same_starts(const std::vector<workload::Job>& jobs, const std::map<uint64_t, double>& pool,
                       const std::map<uint64_t, double>& ref, const std::string& what) {
  EXPECT_EQ(pool.size(), jobs.size()) << what;
  EXPECT_EQ(ref.size(), jobs.size()) << what;
  int out_of_order = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    uint64_t id = jobs[i].id;
    if (!pool.count(id) || !ref.count(id)) continue;
    EXPECT_NEAR(pool.at(id), ref.at(id), 1e-6) << "job " << id << " " << what;
    if (i > 0 && pool.count(jobs[i - 1].id) && pool.at(id) < pool.at(jobs[i - 1].id)) ++out_of_order;
  }
  return out_of_order;
}

// Real-valued times: ties never happen.
std::vector<workload::Job> real_valued_jobs(uint64_t seed, int total, int n) {
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_int_distribution<int> units(1, total), prio(0, 2);
  boost::random::exponential_distribution<double> req(1.0 / 200.0), gap(1.0 / 7.0);
  boost::random::uniform_real_distribution<double> factor(1.0, 3.0);
  std::vector<workload::Job> jobs;
  double t = 0;
  for (int i = 0; i < n; ++i) {
    t += gap(rng);
    auto j = testing::job(static_cast<uint64_t>(i), units(rng), 0);
    j.requested_s = req(rng);
    j.runtime_s = j.requested_s / factor(rng);
    j.priority = prio(rng);
    j.submit_s = t;
    jobs.push_back(j);
  }
  return jobs;
}

// Integer times and round requested times, as in real traces: many running jobs share a
// requested end, many jobs arrive in the same second.
std::vector<workload::Job> round_jobs(uint64_t seed, int total, int n) {
  static const double round_s[] = {60, 300, 600, 900, 1800, 3600};
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_int_distribution<int> units(1, total), pick(0, 5), prio(0, 2);
  boost::random::geometric_distribution<int> gap(0.2);  // whole seconds, often 0
  std::vector<workload::Job> jobs;
  double t = 0;
  for (int i = 0; i < n; ++i) {
    t += gap(rng) * 15.0;
    const double req = round_s[pick(rng)];
    boost::random::uniform_int_distribution<int> run(1, static_cast<int>(req));
    auto j = testing::job(static_cast<uint64_t>(i), units(rng), run(rng), req);
    if (i % 3 == 0) j.runtime_s = req;  // some run exactly their estimate: ends tie too
    j.priority = prio(rng);
    j.submit_s = t;
    jobs.push_back(j);
  }
  return jobs;
}

// Both EASYs: easy_backfill (priority-ordered queue) and easy_backfill_fifo (submit order).
struct Variant {
  QueuePolicy policy;
  bool by_priority;
  const char* name;
};
constexpr Variant kVariants[] = {{QueuePolicy::easy_backfill, true, "easy_backfill"},
                                 {QueuePolicy::easy_backfill_fifo, false, "easy_backfill_fifo"}};

TEST(EasyBackfillReference, SameStartsAsTheReferenceWithRealValuedTimes) {
  for (const auto& v : kVariants)
    for (uint64_t seed : {11u, 12u, 13u}) {
      // 2,500 jobs: enough to make the index compact (>= 1024 dead positions).
      auto jobs = real_valued_jobs(seed, 32, 2500);
      int out_of_order = expect_same_starts(jobs, pool_starts(jobs, 4, 8, v.policy), reference_starts(jobs, 32, v.by_priority),
                                            std::string(v.name) + " seed " + std::to_string(seed));
      EXPECT_GT(out_of_order, 20);  // backfilling happened
    }
}

TEST(EasyBackfillReference, SameStartsAsTheReferenceWithIntegerAndRoundTimes) {
  for (const auto& v : kVariants)
    for (uint64_t seed : {21u, 22u, 23u, 24u}) {
      auto jobs = round_jobs(seed, 32, 2500);
      int out_of_order = expect_same_starts(jobs, pool_starts(jobs, 4, 8, v.policy), reference_starts(jobs, 32, v.by_priority),
                                            std::string(v.name) + " seed " + std::to_string(seed));
      EXPECT_GT(out_of_order, 20);
    }
}

// By hand. 12 units (3 nodes of 4). At t = 0, A (4 units) and B (4 units) start, both to run 100 s
// as requested; 4 units stay free. C (5 units, 50 s) arrives at 0 and cannot start (4 free): it is
// the head. Its reservation: at t = 100 A and B both end, so 12 units are free then: C needs 5,
// 7 are spare. D (4 units, 500 s, submitted at 1) fits now in the 4 free units and runs past 100,
// so it may start only on spare units: 4 <= 7, it starts at 1. C then starts at 100 with A's and
// B's 8 units (D holds 4 of the 12). Expected starts: A 0, B 0, C 100, D 1.
// Counting only A (the first of the tied ends in some internal order) would give 4 + 4 = 8 free
// at 100, 3 spare: D would wait until 100.
TEST(EasyBackfillReference, HandComputedTieAtTheReservation) {
  for (bool b_first : {false, true}) {  // the result must not depend on the tied jobs' order
    auto a = testing::job(0, 4, 100), b = testing::job(1, 4, 100), c = testing::job(2, 5, 50), d = testing::job(3, 4, 500);
    a.submit_s = b.submit_s = c.submit_s = 0;
    d.submit_s = 1;
    std::vector<workload::Job> jobs = b_first ? std::vector<workload::Job>{b, a, c, d} : std::vector<workload::Job>{a, b, c, d};
    for (const auto& v : kVariants) {
      auto s = pool_starts(jobs, 3, 4, v.policy);
      EXPECT_EQ(s[0], 0) << v.name;
      EXPECT_EQ(s[1], 0) << v.name;
      EXPECT_EQ(s[2], 100) << v.name;
      EXPECT_EQ(s[3], 1) << v.name;
      EXPECT_EQ(reference_starts(jobs, 12, v.by_priority), s) << v.name;
    }
  }
}

// By hand. 8 units (2 nodes of 4). A (8 units, 100 s) starts at 0. B (4 units, priority 0, 100 s)
// arrives at 0 and waits. C (8 units, priority 5, 50 s) arrives at 1, D (4 units, priority 0,
// 50 s) at 2.
// Priority-ordered: C is the head from t = 1 and needs all 8 units: its reservation is A's end at
// 100 with nothing spare, so nothing backfills. At 100 C starts (ends at 150); at 150 B and D
// start together. Starts: A 0, B 150, C 100, D 150.
// Submit order: B is the head; at 100 it starts (4 units); C (8) is the head, its reservation is
// B's end at 200; D (4 units, ends at 150 <= 200) backfills at 100; C starts at 200.
// Starts: A 0, B 100, C 200, D 100.
TEST(EasyBackfillReference, HandComputedPriorityOrder) {
  auto a = testing::job(0, 8, 100), b = testing::job(1, 4, 100), c = testing::job(2, 8, 50), d = testing::job(3, 4, 50);
  a.submit_s = b.submit_s = 0;
  c.submit_s = 1;
  d.submit_s = 2;
  c.priority = 5;
  std::vector<workload::Job> jobs{a, b, c, d};
  auto by_priority = pool_starts(jobs, 2, 4, QueuePolicy::easy_backfill);
  EXPECT_EQ(by_priority, (std::map<uint64_t, double>{{0, 0}, {1, 150}, {2, 100}, {3, 150}}));
  EXPECT_EQ(reference_starts(jobs, 8, true), by_priority);
  auto fifo = pool_starts(jobs, 2, 4, QueuePolicy::easy_backfill_fifo);
  EXPECT_EQ(fifo, (std::map<uint64_t, double>{{0, 0}, {1, 100}, {2, 200}, {3, 100}}));
  EXPECT_EQ(reference_starts(jobs, 8, false), fifo);
}

}  // namespace
}  // namespace sovcap::scheduling
