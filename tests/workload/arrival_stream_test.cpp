// ArrivalStream against independent references: the rate's integral computed
// here by hand, local time from the C library's gmtime, closed-form growth.
#include <cmath>
#include <ctime>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "models/workload/arrival_stream.hpp"

using namespace sovcap::workload;

namespace {

constexpr int64_t jan1_2026_utc = 1767225600;  // a Thursday, 00:00 UTC
constexpr double day = 86400;

JobClassSpec simple_class(const std::string& id, double rate_per_h) {
  JobClassSpec c;
  c.id = id;
  c.rate_per_h = rate_per_h;
  c.units.type = DistributionSpec::Type::constant;
  c.units.value = 1;
  c.runtime_s.type = DistributionSpec::Type::constant;
  c.runtime_s.value = 60;
  return c;
}

std::vector<RegionSpec> regions(std::vector<double> weights) {
  std::vector<RegionSpec> out;
  for (size_t i = 0; i < weights.size(); ++i) {
    RegionSpec r;
    r.id = "r" + std::to_string(i);
    r.weight = weights[i];
    out.push_back(r);
  }
  return out;
}

std::vector<Job> drain(ArrivalStream& s) {
  std::vector<Job> jobs;
  while (!s.done()) {
    double t = s.peek_s();
    jobs.push_back(s.next());
    EXPECT_EQ(jobs.back().submit_s, t);
  }
  return jobs;
}

// |count - expected| <= k sqrt(expected): a Poisson count's k-sigma band.
void expect_poisson(double count, double expected, double k = 3) {
  EXPECT_NEAR(count, expected, k * std::sqrt(expected)) << "expected " << expected;
}

std::tm utc_tm(double unix_s) {
  std::time_t t = static_cast<std::time_t>(std::floor(unix_s));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

}  // namespace

TEST(ArrivalStream, CountMatchesRateIntegralAndShare) {
  auto regs = regions({1, 3});
  std::vector<JobClassSpec> classes{simple_class("a", 36)};
  double horizon = 100 * day;
  ArrivalStream s(classes, regs, 1, 7, jan1_2026_utc, horizon);
  auto jobs = drain(s);
  double expected = 36.0 * 0.75 * horizon / 3600;  // 64,800
  expect_poisson(jobs.size(), expected);
  EXPECT_NEAR(s.expected_count(), expected, 1e-6 * expected);
  double prev = 0;
  for (const auto& j : jobs) {
    ASSERT_GE(j.submit_s, prev);
    ASSERT_LT(j.submit_s, horizon);
    prev = j.submit_s;
  }
  // Poisson: inter-arrival times exponential, so their coefficient of variation is 1.
  double sum = 0, sum2 = 0;
  for (size_t i = 1; i < jobs.size(); ++i) {
    double g = jobs[i].submit_s - jobs[i - 1].submit_s;
    sum += g;
    sum2 += g * g;
  }
  double n = jobs.size() - 1, m = sum / n;
  EXPECT_NEAR(std::sqrt(sum2 / n - m * m) / m, 1.0, 0.02);
}

TEST(ArrivalStream, HourlyModulationInLocalTime) {
  JobClassSpec c = simple_class("day", 60);
  for (int h = 0; h < 24; ++h) c.hourly_factor[h] = (h >= 9 && h < 18) ? 2.0 : 0.5;
  c.hourly_factor[3] = 0;  // nothing at 03:00-04:00 local
  const double offset_h = 1;  // Morocco
  double days = 60;
  ArrivalStream s({c}, regions({1}), 0, 11, jan1_2026_utc, days * day, offset_h);
  auto jobs = drain(s);
  std::vector<double> per_hour(24, 0);
  for (const auto& j : jobs) per_hour[utc_tm(jan1_2026_utc + offset_h * 3600 + j.submit_s).tm_hour] += 1;
  double expected_total = 0;
  for (int h = 0; h < 24; ++h) {
    double expected = 60 * c.hourly_factor[h] * days;
    expected_total += expected;
    if (expected == 0)
      EXPECT_EQ(per_hour[h], 0) << "hour " << h;
    else
      expect_poisson(per_hour[h], expected, 4);
  }
  expect_poisson(jobs.size(), expected_total);
  EXPECT_NEAR(s.expected_count(), expected_total, 1e-6 * expected_total);
  // The day/night contrast itself, far beyond noise: 2.0 vs 0.5.
  EXPECT_GT(per_hour[12], 3 * per_hour[22]);
}

TEST(ArrivalStream, WeekdayModulationInLocalTime) {
  JobClassSpec c = simple_class("work", 30);
  c.weekday_factor = {1, 1, 1, 1, 1, 0.5, 0};  // Monday first: Saturday half, Sunday none
  double days = 70;  // ten whole weeks
  ArrivalStream s({c}, regions({1}), 0, 5, jan1_2026_utc, days * day, 1.0);
  auto jobs = drain(s);
  std::vector<double> per_wday(7, 0);  // tm_wday: 0 = Sunday
  for (const auto& j : jobs) per_wday[utc_tm(jan1_2026_utc + 3600 + j.submit_s).tm_wday] += 1;
  EXPECT_EQ(per_wday[0], 0);
  expect_poisson(per_wday[6], 30 * 24 * 10 * 0.5, 4);
  for (int d = 1; d <= 5; ++d) expect_poisson(per_wday[d], 30 * 24 * 10, 4);
}

TEST(ArrivalStream, GrowthCompoundsPerYear) {
  JobClassSpec c = simple_class("grow", 2);
  c.growth_per_year = 1.0;  // doubles each year
  const double year = 31557600;
  ArrivalStream s({c}, regions({1}), 0, 3, jan1_2026_utc, 2 * year);
  auto jobs = drain(s);
  double first = 0, second = 0;
  for (const auto& j : jobs) (j.submit_s < year ? first : second) += 1;
  // integral of r 2^(t/Y) dt over [0, Y) = r Y / ln 2, over [Y, 2Y) twice that.
  double r = 2.0 / 3600;
  double e1 = r * year / std::log(2.0);
  expect_poisson(first, e1);
  expect_poisson(second, 2 * e1);
  EXPECT_NEAR(s.expected_count(), 3 * e1, 1e-6 * e1);
}

TEST(ArrivalStream, RegionSharesFromRegionsOrFromTheClass) {
  auto regs = regions({1, 2, 1});
  std::vector<JobClassSpec> classes{simple_class("a", 40)};
  double horizon = 30 * day;
  double national = 40 * horizon / 3600;
  std::vector<double> counts;
  for (int r = 0; r < 3; ++r) {
    ArrivalStream s(classes, regs, r, 9, jan1_2026_utc, horizon);
    counts.push_back(drain(s).size());
  }
  expect_poisson(counts[0], national / 4);
  expect_poisson(counts[1], national / 2);
  expect_poisson(counts[2], national / 4);

  classes[0].region_weights = {0, 0, 5};  // the class's own weights win
  ArrivalStream none(classes, regs, 0, 9, jan1_2026_utc, horizon);
  EXPECT_TRUE(none.done());
  ArrivalStream all(classes, regs, 2, 9, jan1_2026_utc, horizon);
  expect_poisson(drain(all).size(), national);
}

TEST(ArrivalStream, ClassMixFollowsRates) {
  std::vector<JobClassSpec> classes{simple_class("a", 10), simple_class("b", 30)};
  classes[1].units.value = 4;
  ArrivalStream s(classes, regions({1}), 0, 21, jan1_2026_utc, 60 * day);
  auto jobs = drain(s);
  double a = 0, b = 0;
  for (const auto& j : jobs) {
    (j.class_index == 0 ? a : b) += 1;
    EXPECT_EQ(j.units, j.class_index == 0 ? 1 : 4);
  }
  expect_poisson(a, 10 * 24 * 60.0);
  expect_poisson(b, 30 * 24 * 60.0);
}

TEST(ArrivalStream, JobFields) {
  JobClassSpec c = simple_class("ft", 100);
  c.units.type = DistributionSpec::Type::uniform;
  c.units.min = 0.01;
  c.units.max = 3.5;
  c.runtime_s.type = DistributionSpec::Type::exponential;
  c.runtime_s.mean = 600;
  c.estimate_factor = 2;
  c.input_gb = 50;
  c.output_gb = 5;
  c.priority = 3;
  c.preemptible = true;
  c.flexible = true;
  c.deadline_s = 86400;
  JobClassSpec rigid = simple_class("rigid", 100);
  ArrivalStream s({c, rigid}, regions({1, 1}), 1, 2, jan1_2026_utc, 5 * day);
  auto jobs = drain(s);
  ASSERT_GT(jobs.size(), 1000u);
  bool saw[5] = {};
  for (const auto& j : jobs) {
    EXPECT_EQ(j.id, 0u);
    EXPECT_EQ(j.origin_region, 1);
    EXPECT_GT(j.runtime_s, 0);
    EXPECT_GE(j.requested_s, j.runtime_s);
    EXPECT_EQ(j.status, JobStatus::unfinished);
    if (j.class_index == 0) {
      ASSERT_GE(j.units, 1);
      ASSERT_LE(j.units, 4);
      saw[j.units] = true;
      EXPECT_DOUBLE_EQ(j.requested_s, 2 * j.runtime_s);
      EXPECT_EQ(j.input_gb, 50);
      EXPECT_EQ(j.output_gb, 5);
      EXPECT_EQ(j.priority, 3);
      EXPECT_TRUE(j.preemptible);
      EXPECT_DOUBLE_EQ(j.deadline_s, j.submit_s + 86400);
    } else {
      EXPECT_EQ(j.runtime_s, 60);
      EXPECT_DOUBLE_EQ(j.requested_s, 90);  // default estimate factor 1.5
      EXPECT_EQ(j.deadline_s, std::numeric_limits<double>::infinity());
      EXPECT_FALSE(j.preemptible);
    }
  }
  // ceil(U(0.01, 3.5)) gives 1..4, each seen.
  EXPECT_TRUE(saw[1] && saw[2] && saw[3] && saw[4]);
}

TEST(ArrivalStream, DeterministicPerSeedAndIndependentPerRegion) {
  JobClassSpec c = simple_class("a", 20);
  c.runtime_s.type = DistributionSpec::Type::lognormal;
  c.runtime_s.median = 3600;
  c.runtime_s.sigma = 1;
  auto two = regions({1, 1});
  auto run = [&](const std::vector<RegionSpec>& regs, int r, uint64_t seed) {
    ArrivalStream s({c}, regs, r, seed, jan1_2026_utc, 10 * day);
    return drain(s);
  };
  auto a = run(two, 0, 1), b = run(two, 0, 1), other_seed = run(two, 0, 2), other_region = run(two, 1, 1);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].submit_s, b[i].submit_s);
    EXPECT_EQ(a[i].runtime_s, b[i].runtime_s);
  }
  EXPECT_NE(a.front().submit_s, other_seed.front().submit_s);
  EXPECT_NE(a.front().submit_s, other_region.front().submit_s);

  // A third region with no demand leaves region 0's shares and numbers unchanged.
  auto three = regions({1, 1, 0});
  auto c3 = run(three, 0, 1);
  ASSERT_EQ(a.size(), c3.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].submit_s, c3[i].submit_s);
    EXPECT_EQ(a[i].runtime_s, c3[i].runtime_s);
  }
}

TEST(ArrivalStream, AnotherClassDoesNotShiftSizes) {
  // Sizes are drawn from a per-class generator: changing class b's distribution
  // keeps class a's arrival times and run times.
  JobClassSpec a = simple_class("a", 10), b = simple_class("b", 10);
  a.runtime_s.type = DistributionSpec::Type::exponential;
  a.runtime_s.mean = 100;
  auto run = [&](const JobClassSpec& bb) {
    ArrivalStream s({a, bb}, regions({1}), 0, 4, jan1_2026_utc, 3 * day);
    std::vector<Job> out;
    for (auto& j : drain(s))
      if (j.class_index == 0) out.push_back(j);
    return out;
  };
  auto x = run(b);
  b.runtime_s.type = DistributionSpec::Type::lognormal;
  b.runtime_s.median = 10;
  b.runtime_s.sigma = 2;
  auto y = run(b);
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].submit_s, y[i].submit_s);
    EXPECT_EQ(x[i].runtime_s, y[i].runtime_s);
  }
}

TEST(ArrivalStream, RejectsBadInput) {
  auto regs = regions({1, 1});
  JobClassSpec c = simple_class("a", 1);
  EXPECT_THROW(ArrivalStream({c}, regs, 2, 1, 0, day), std::invalid_argument);
  c.growth_per_year = -1;
  EXPECT_THROW(ArrivalStream({c}, regs, 0, 1, 0, day), std::invalid_argument);
  c = simple_class("a", 1);
  c.region_weights = {1, 2, 3};
  EXPECT_THROW(ArrivalStream({c}, regs, 0, 1, 0, day), std::invalid_argument);
  EXPECT_NE(validate(c, 2).find("region_weights has 3 entries for 2 regions"), std::string::npos);
  c = simple_class("a", -1);
  EXPECT_NE(validate(c, 2).find("rate_per_h"), std::string::npos);
  c = simple_class("a", 1);
  c.flexible = true;
  EXPECT_NE(validate(c, 2).find("deadline_s"), std::string::npos);
  c = simple_class("a", 0);  // zero demand is valid: no jobs
  ArrivalStream empty({c}, regs, 0, 1, 0, day);
  EXPECT_TRUE(empty.done());
}
