// JobStats keeps waits compactly (zero waits counted, the others as 12-byte records sorted once at
// the end); its per-group mean and percentiles must equal wait_stats() of the group's waits exactly.
#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <cstring>
#include <vector>

#include "simulator/output/job_stats.hpp"
#include "simulator/output/percentiles.hpp"

namespace {

using sovcap::output::JobStats;
using sovcap::output::WaitStats;
using sovcap::workload::Job;
using sovcap::workload::JobStatus;

bool same(double a, double b) {  // bit for bit, NaN equal to NaN
  return std::memcmp(&a, &b, sizeof a) == 0;
}

void expect_same(const WaitStats& got, std::vector<double> waits, const char* what, size_t i) {
  auto want = sovcap::output::wait_stats(waits);
  EXPECT_TRUE(same(got.mean_s, want.mean_s)) << what << " " << i << ": mean " << got.mean_s << " vs " << want.mean_s;
  EXPECT_TRUE(same(got.p50_s, want.p50_s)) << what << " " << i << ": p50 " << got.p50_s << " vs " << want.p50_s;
  EXPECT_TRUE(same(got.p95_s, want.p95_s)) << what << " " << i << ": p95 " << got.p95_s << " vs " << want.p95_s;
  EXPECT_TRUE(same(got.p99_s, want.p99_s)) << what << " " << i << ": p99 " << got.p99_s << " vs " << want.p99_s;
}

void check(int n_jobs, double zero_share, double negative_share, uint64_t seed) {
  const size_t C = 5, R = 7, S = 3;
  JobStats st(C, R, S, 1e9);
  std::vector<std::vector<double>> by_c(C), by_r(R), by_s(S);
  std::vector<double> all;
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_real_distribution<double> u(0, 1);
  boost::random::uniform_int_distribution<int> ci(0, C - 1), ri(0, R - 1), si(-1, S - 1);
  size_t nonzero = 0;
  for (int k = 0; k < n_jobs; ++k) {
    Job j;
    j.class_index = ci(rng);
    j.origin_region = ri(rng);
    j.site = si(rng);
    j.submit_s = 1000.0 * u(rng);
    double x = u(rng);
    if (x < 0.05) {  // never started
      j.status = JobStatus::rejected;
    } else {
      double wait = x < 0.05 + zero_share ? 0.0 : x < 0.05 + zero_share + negative_share ? -u(rng) : -3600 * std::log(1 - u(rng));
      if (u(rng) < 0.1) wait = std::round(wait);  // ties
      j.start_s = j.submit_s + wait;
      double w = j.start_s - j.submit_s;
      j.end_s = j.start_s + 60;
      j.status = JobStatus::completed;
      by_c[j.class_index].push_back(w);
      by_r[j.origin_region].push_back(w);
      if (j.site >= 0) by_s[j.site].push_back(w);
      all.push_back(w);
      if (w != 0) ++nonzero;
    }
    st.add(j);
  }
  EXPECT_EQ(st.wait_records(), nonzero);
  st.finish_waits();
  for (size_t i = 0; i < C; ++i) expect_same(st.classes()[i].waits, by_c[i], "class", i);
  for (size_t i = 0; i < R; ++i) expect_same(st.regions()[i].waits, by_r[i], "region", i);
  for (size_t i = 0; i < S; ++i) expect_same(st.sites()[i].waits, by_s[i], "site", i);
  expect_same(st.all().waits, all, "all", 0);
}

}  // namespace

TEST(JobStatsWaits, EqualWaitStatsOfEachGroupExactly) {
  check(20000, 0.0, 0.0, 1);    // no zeros
  check(20000, 0.6, 0.0, 2);    // mostly zeros
  check(20000, 0.3, 0.05, 3);   // zeros between negative and positive waits
  check(20000, 0.95, 0.0, 4);   // a few non-zero waits, percentiles inside the zeros
  check(3, 0.5, 0.0, 5);        // tiny groups, some empty (NaN)
  check(0, 0.5, 0.0, 6);        // nothing at all
}

TEST(JobStatsWaits, OnlyNonZeroWaitsAreKept) {
  JobStats st(1, 1, 1);
  Job j;
  j.class_index = 0;
  j.origin_region = 0;
  j.site = 0;
  j.status = JobStatus::completed;
  for (int k = 0; k < 1000; ++k) {
    j.submit_s = k;
    j.start_s = k + (k % 10 == 0 ? 5.0 : 0.0);
    j.end_s = j.start_s + 1;
    st.add(j);
  }
  EXPECT_EQ(st.wait_records(), 100u);
  st.finish_waits();
  EXPECT_EQ(st.all().started, 1000);
  EXPECT_EQ(st.all().zero_waits, 900);
  EXPECT_DOUBLE_EQ(st.all().waits.p50_s, 0.0);
  EXPECT_DOUBLE_EQ(st.all().waits.p95_s, 5.0);
  EXPECT_DOUBLE_EQ(st.all().waits.mean_s, 0.5);
}
