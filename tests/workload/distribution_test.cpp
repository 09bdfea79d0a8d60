// Sampler against closed forms: sample means and frequencies must agree within
// a few standard errors, and mean() must equal the textbook formula.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "models/workload/distribution.hpp"
#include "models/workload/trace_error.hpp"

using namespace sovcap::workload;
using Type = DistributionSpec::Type;

namespace {

struct Moments {
  double mean, sd;
};

Moments sample(const Sampler& s, int n, uint64_t seed = 42) {
  boost::random::mt19937_64 rng(seed);
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    double x = s(rng);
    sum += x;
    sum2 += x * x;
  }
  double m = sum / n;
  return {m, std::sqrt(sum2 / n - m * m)};
}

// The sample mean lies within 5 standard errors of the true mean.
void expect_mean(const DistributionSpec& spec, double true_mean, double true_sd, int n = 200000, double sd_tol = 0.05) {
  Sampler s(spec);
  EXPECT_NEAR(s.mean(), true_mean, 1e-12 * std::abs(true_mean)) << "closed form";
  auto m = sample(s, n);
  EXPECT_NEAR(m.mean, true_mean, 5 * true_sd / std::sqrt(n)) << type_name(spec.type);
  EXPECT_NEAR(m.sd, true_sd, sd_tol * true_sd) << type_name(spec.type);
}

}  // namespace

TEST(Distribution, ExponentialMean) {
  DistributionSpec d;
  d.type = Type::exponential;
  d.mean = 7200;
  expect_mean(d, 7200, 7200);
}

TEST(Distribution, LognormalMeanIsMedianTimesExpHalfSigmaSquared) {
  DistributionSpec d;
  d.type = Type::lognormal;
  d.median = 3600;
  d.sigma = 0.8;
  double mean = 3600 * std::exp(0.32);
  double sd = mean * std::sqrt(std::exp(0.64) - 1);
  expect_mean(d, mean, sd);
  // The median really is the median.
  Sampler s(d);
  boost::random::mt19937_64 rng(3);
  int below = 0, n = 100000;
  for (int i = 0; i < n; ++i) below += s(rng) < 3600;
  EXPECT_NEAR(below / double(n), 0.5, 5 * 0.5 / std::sqrt(n));
}

TEST(Distribution, WeibullMeanIsScaleTimesGamma) {
  DistributionSpec d;
  d.type = Type::weibull;
  d.shape = 0.6;  // heavy-tailed, as GPU job run times are
  d.scale = 5000;
  // Gamma(1 + 1/0.6) = Gamma(8/3) = (5/3)(2/3) Gamma(2/3), Gamma(2/3) = 1.3541179394264
  double g1 = (5.0 / 3) * (2.0 / 3) * 1.3541179394264;
  double g2 = std::tgamma(1 + 2 / 0.6);
  double mean = 5000 * g1;
  double sd = 5000 * std::sqrt(g2 - g1 * g1);
  expect_mean(d, mean, sd, 400000, 0.15);
}

TEST(Distribution, UniformMeanAndRange) {
  DistributionSpec d;
  d.type = Type::uniform;
  d.min = 10;
  d.max = 30;
  expect_mean(d, 20, 20 / std::sqrt(12.0));
  Sampler s(d);
  boost::random::mt19937_64 rng(1);
  for (int i = 0; i < 10000; ++i) {
    double x = s(rng);
    ASSERT_GE(x, 10);
    ASSERT_LE(x, 30);
  }
}

TEST(Distribution, DiscreteFrequenciesFollowWeights) {
  DistributionSpec d;
  d.type = Type::discrete;
  d.values = {1, 2, 4, 8};
  d.weights = {5, 2, 2, 1};  // unnormalised on purpose
  Sampler s(d);
  EXPECT_DOUBLE_EQ(s.mean(), (5 * 1 + 2 * 2 + 2 * 4 + 1 * 8) / 10.0);
  boost::random::mt19937_64 rng(9);
  int n = 200000;
  int count[9] = {};
  for (int i = 0; i < n; ++i) {
    double x = s(rng);
    ASSERT_TRUE(x == 1 || x == 2 || x == 4 || x == 8) << x;
    ++count[static_cast<int>(x)];
  }
  double p[] = {0.5, 0.2, 0.2, 0.1};
  int v[] = {1, 2, 4, 8};
  for (int i = 0; i < 4; ++i)
    EXPECT_NEAR(count[v[i]] / double(n), p[i], 5 * std::sqrt(p[i] * (1 - p[i]) / n)) << v[i];
}

TEST(Distribution, EmpiricalDrawsEachValueUniformly) {
  DistributionSpec d;
  d.type = Type::empirical;
  d.values = {3, 3, 9};  // repeated values weigh more
  Sampler s(d);
  EXPECT_DOUBLE_EQ(s.mean(), 5);
  boost::random::mt19937_64 rng(5);
  int n = 90000, threes = 0;
  for (int i = 0; i < n; ++i) threes += s(rng) == 3;
  EXPECT_NEAR(threes / double(n), 2.0 / 3, 5 * std::sqrt(2.0 / 9 / n));
}

TEST(Distribution, ConstantAndClamp) {
  DistributionSpec d;
  d.type = Type::constant;
  d.value = 12;
  boost::random::mt19937_64 rng(1);
  EXPECT_EQ(Sampler(d)(rng), 12);

  d.type = Type::exponential;
  d.mean = 100;
  d.clamp_min = 50;
  d.clamp_max = 150;
  Sampler s(d);
  EXPECT_EQ(s.mean(), 100);  // mean() ignores the clamp
  int at_min = 0, at_max = 0, n = 20000;
  for (int i = 0; i < n; ++i) {
    double x = s(rng);
    ASSERT_GE(x, 50);
    ASSERT_LE(x, 150);
    at_min += x == 50;
    at_max += x == 150;
  }
  // P(X < 50) = 1 - e^-0.5, P(X > 150) = e^-1.5
  EXPECT_NEAR(at_min / double(n), 1 - std::exp(-0.5), 0.02);
  EXPECT_NEAR(at_max / double(n), std::exp(-1.5), 0.02);

  // Only a lower bound: clamp_max 0 means none.
  d.clamp_min = 1;
  d.clamp_max = 0;
  Sampler lower(d);
  double biggest = 0;
  for (int i = 0; i < 20000; ++i) biggest = std::max(biggest, lower(rng));
  EXPECT_GT(biggest, 500);
}

TEST(Distribution, SameSeedSameNumbers) {
  DistributionSpec d;
  d.type = Type::lognormal;
  d.median = 1;
  d.sigma = 1;
  Sampler s(d);
  boost::random::mt19937_64 a(77), b(77), c(78);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    double x = s(a);
    EXPECT_EQ(x, s(b));
    differs |= x != s(c);
  }
  EXPECT_TRUE(differs);
}

TEST(Distribution, ValidateNamesTheProblem) {
  DistributionSpec d;
  EXPECT_EQ(validate(d), "");  // constant 0 is a valid spec

  d.type = Type::exponential;
  d.mean = 0;
  EXPECT_NE(validate(d).find("mean"), std::string::npos);
  EXPECT_THROW(Sampler{d}, std::invalid_argument);

  d = {};
  d.type = Type::lognormal;
  d.median = 10;
  d.sigma = -1;
  EXPECT_NE(validate(d).find("sigma"), std::string::npos);

  d = {};
  d.type = Type::weibull;
  d.shape = 1;
  EXPECT_NE(validate(d).find("scale"), std::string::npos);

  d = {};
  d.type = Type::uniform;
  d.min = 5;
  d.max = 1;
  EXPECT_NE(validate(d).find("min (5) > max (1)"), std::string::npos);

  d = {};
  d.type = Type::discrete;
  d.values = {1, 2};
  d.weights = {1};
  EXPECT_NE(validate(d).find("weights has 1 entries, values has 2"), std::string::npos);
  d.weights = {0, 0};
  EXPECT_NE(validate(d).find("all be 0"), std::string::npos);
  d.weights = {1, -1};
  EXPECT_NE(validate(d).find(">= 0"), std::string::npos);

  d = {};
  d.type = Type::empirical;
  EXPECT_NE(validate(d).find("empty"), std::string::npos);

  d = {};
  d.type = Type::constant;
  d.value = 1;
  d.clamp_min = 10;
  d.clamp_max = 5;
  EXPECT_NE(validate(d).find("clamp_min"), std::string::npos);

  d = {};
  d.type = Type::exponential;
  d.mean = std::nan("");
  EXPECT_NE(validate(d), "");
}

TEST(Distribution, ReadEmpiricalValues) {
  std::string dir = SOVCAP_SOURCE_DIR "/tests/data/traces/";
  auto v = read_empirical_values(dir + "empirical_runtimes.txt");
  ASSERT_EQ(v.size(), 5u);
  EXPECT_EQ(v[0], 60);
  EXPECT_EQ(v[1], 3600);
  EXPECT_EQ(v[4], 1.5e5);

  try {
    read_empirical_values(dir + "empirical_bad.txt");
    FAIL() << "no error";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("empirical_bad.txt:4: error: not a number: '12 h'"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(read_empirical_values(dir + "does_not_exist.txt"), TraceError);
}
