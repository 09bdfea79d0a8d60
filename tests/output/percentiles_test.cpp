// Percentiles follow numpy's default ("linear") method: closed forms here, and
// numpy itself on a large random sample (when Debian's numpy is there).
#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "result_fixture.hpp"
#include "simulator/output/job_stats.hpp"
#include "simulator/output/percentiles.hpp"

using sovcap::output::percentile_linear;

TEST(Percentile, LinearInterpolationBetweenClosestRanks) {
  std::vector<double> v = {4, 1, 3, 2};  // sorted 1 2 3 4
  EXPECT_DOUBLE_EQ(percentile_linear(v, 0), 1);
  EXPECT_DOUBLE_EQ(percentile_linear(v, 100), 4);
  EXPECT_DOUBLE_EQ(percentile_linear(v, 50), 2.5);
  EXPECT_NEAR(percentile_linear(v, 95), 3.85, 1e-12);  // h = 3 * 0.95 = 2.85
  EXPECT_NEAR(percentile_linear(v, 10), 1.3, 1e-12);
  std::vector<double> one = {7};
  EXPECT_DOUBLE_EQ(percentile_linear(one, 99), 7);
  std::vector<double> none;
  EXPECT_TRUE(std::isnan(percentile_linear(none, 50)));
}

TEST(Percentile, WaitStatsOfAnArithmeticSequence) {
  // 0, 1, ..., 100: the p-th percentile is p exactly.
  std::vector<double> v;
  for (int i = 100; i >= 0; --i) v.push_back(i);
  auto s = sovcap::output::wait_stats(v);
  EXPECT_DOUBLE_EQ(s.mean_s, 50);
  EXPECT_DOUBLE_EQ(s.p50_s, 50);
  EXPECT_DOUBLE_EQ(s.p95_s, 95);
  EXPECT_DOUBLE_EQ(s.p99_s, 99);
}

TEST(BoundedSlowdown, Definition) {
  using sovcap::output::bounded_slowdown;
  EXPECT_DOUBLE_EQ(bounded_slowdown(0, 100), 1);
  EXPECT_DOUBLE_EQ(bounded_slowdown(100, 100), 2);
  EXPECT_DOUBLE_EQ(bounded_slowdown(15, 5), 2);   // (15 + 5) / 10
  EXPECT_DOUBLE_EQ(bounded_slowdown(2, 1), 1);    // (2 + 1) / 10 < 1
}

TEST(Percentile, AgreesWithNumpyOnTheWrittenFile) {
  if (std::system("/usr/bin/python3 -c 'import h5py, numpy' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no h5py/numpy";
  fixture::TempDir dir;
  std::string path = dir / "waits.h5";
  {
    namespace out = sovcap::output;
    out::ResultWriter w(path, fixture::run_info());
    w.add_sample(0, {fixture::site_sample(1), fixture::site_sample(1)}, {{}, {}});
    boost::random::mt19937_64 rng(7);
    boost::random::uniform_real_distribution<double> u(0, 1);
    for (uint64_t i = 1; i <= 20000; ++i) {
      double wait = -3600 * std::log(1 - u(rng));  // exponential, mean 1 h
      w.add_job(fixture::job(i, static_cast<int>(i % 2), static_cast<int>(i % 3), static_cast<int>(i % 2), i, wait, 60));
    }
    w.finish(0, {});
  }
  std::string script = dir / "check.py";
  std::ofstream(script) << R"(import sys, h5py, numpy as np
f = h5py.File(sys.argv[1], "r")
jobs = f["/jobs"][:]
cls = f["/summary/classes"][:]
worst = 0.0
for row in cls:
    w = jobs["wait_s"][jobs["class"] == row["class"]]
    w = w[np.isfinite(w)]
    for p in (50, 95, 99):
        worst = max(worst, abs(np.percentile(w, p) - row["wait_p%d_s" % p]))
    worst = max(worst, abs(w.mean() - row["wait_mean_s"]) / 1e3)
w = jobs["wait_s"]
for p in (50, 95, 99):
    worst = max(worst, abs(np.percentile(w, p) - f["/summary"].attrs["wait_p%d_s" % p]))
print(worst)
)";
  FILE* p = popen(("/usr/bin/python3 " + script + " " + path + " 2>&1").c_str(), "r");
  char buf[512] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  pclose(p);
  std::string outp(buf, n);
  double worst = std::strtod(buf, nullptr);
  EXPECT_LT(worst, 1e-9) << outp;
  EXPECT_NE(outp.find_first_of("0123456789"), std::string::npos) << outp;
}
