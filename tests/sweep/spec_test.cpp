#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "simulator/sweep/spec.hpp"
#include "sweep_test_util.hpp"

namespace sovcap::sweep {
namespace {

using test::TempDir;

// A spec next to a base scenario file in a scratch directory.
struct SpecFile {
  TempDir dir;
  std::string base = dir.write("base.yaml", "scenario: {name: base}\n");
  std::string write(const std::string& text) { return dir.write("spec.yaml", text); }
};

std::vector<std::string> errors_of(const std::string& path) {
  try {
    load_spec(path);
  } catch (const ConfigError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics) out.push_back(d.format());
    return out;
  }
  return {};
}

TEST(SweepSpec, EveryErrorIsListedWithItsPlace) {
  SpecFile f;
  auto path = f.write(
      "base: missing.yaml\n"
      "combine: diagonal\n"
      "parameters:\n"
      "  - {key: a, range: {from: 0, to: 10, step: 0}}\n"
      "  - {key: b, random: {min: 5, max: 1}}\n"
      "  - {key: c}\n"
      "  - {key: d, values: [1], lhs: {min: 0, max: 1}}\n"
      "  - {key: e, range: {from: 0, to: 1, step: 1, unit: furlongs}}\n"
      "  - {key: f, lhs: {min: 0, max: 1}}\n"
      "repliactions: 3\n");
  auto errs = errors_of(path);
  auto has = [&](const std::string& text) {
    return std::any_of(errs.begin(), errs.end(), [&](const std::string& e) { return e.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(has(path + ":1:7: error: base: no such scenario file")) << ::testing::PrintToString(errs);
  EXPECT_TRUE(has(path + ":2:10: error: combine: 'diagonal' is not a way to combine (grid"));
  EXPECT_TRUE(has("parameters.0.range.step: step must be positive"));
  EXPECT_TRUE(has("parameters.1.random.max: 'max' is not above 'min'"));
  EXPECT_TRUE(has("parameters.2: no values given (exactly one of values, range, random, lhs)"));
  EXPECT_TRUE(has("parameters.3: more than one way of giving values"));
  EXPECT_TRUE(has("parameters.4.range.unit: unknown unit 'furlongs'"));
  EXPECT_TRUE(has(path + ":10:1: error: repliactions: unknown key 'repliactions'; did you mean 'replications'?"));
  EXPECT_TRUE(has("samples: random and lhs parameters need the number of samples"));
}

TEST(SweepSpec, ZipNeedsEqualLengthsAndKeysOnce) {
  SpecFile f;
  auto errs = errors_of(f.write("base: base.yaml\ncombine: zip\nparameters:\n"
                                "  - {key: a, values: [1, 2, 3]}\n  - {key: b, values: [x, y]}\n"));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].find("combine: zip needs as many values for every parameter (a: 3, b: 2)"), std::string::npos);
  errs = errors_of(f.write("base: base.yaml\nparameters:\n  - {key: a, values: [1]}\n  - {key: a, values: [2]}\n"));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].find(":4:5: error: parameters.1.key: 'a' is varied twice"), std::string::npos);
}

TEST(SweepSpec, BaseIsRelativeToTheSpecAndSetIsFlattened) {
  SpecFile f;
  auto spec = load_spec(f.write("base: base.yaml\nset: {duration: 30d, sites: {dakhla: {battery.energy: 1GWh}}}\n"));
  EXPECT_EQ(spec.base, f.base);
  ASSERT_EQ(spec.fixed.size(), 2u);
  EXPECT_EQ(spec.fixed[0], (std::pair<std::string, std::string>{"duration", "30d"}));
  EXPECT_EQ(spec.fixed[1], (std::pair<std::string, std::string>{"sites.dakhla.battery.energy", "1GWh"}));
  auto points = expand(spec);  // no parameters: one point
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].seed, 1u);
}

TEST(SweepSpec, SetTakesWholeListsAsFlowYaml) {
  // What `--set KEY=[...]` takes: an empty list (no build-out phases), words, a list of maps.
  SpecFile f;
  auto spec = load_spec(f.write("base: base.yaml\nset:\n  sites.dakhla.phases: []\n"
                                "  classes:\n    training: {allowed_sites: [dakhla, benguerir]}\n"
                                "  network.links.a-b.outages: [{start: '2030-03-01T00:00:00Z', duration: 7d}]\n"
                                "  regions.r.name: 'a: b'\n"));
  ASSERT_EQ(spec.fixed.size(), 4u);
  EXPECT_EQ(spec.fixed[0], (std::pair<std::string, std::string>{"sites.dakhla.phases", "[]"}));
  EXPECT_EQ(spec.fixed[1], (std::pair<std::string, std::string>{"classes.training.allowed_sites", "[dakhla, benguerir]"}));
  EXPECT_EQ(spec.fixed[2].first, "network.links.a-b.outages");
  EXPECT_EQ(spec.fixed[2].second, "[{start: 2030-03-01T00:00:00Z, duration: 7d}]");
  EXPECT_EQ(spec.fixed[3].second, "a: b");  // a scalar is passed as written, as before
  auto errs = errors_of(f.write("base: base.yaml\nset: {duration: ~}\n"));
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].find("set.duration: expected a value, found nothing"), std::string::npos) << errs[0];
}

TEST(SweepSpec, GridIsNestedLoopsFirstParameterOutermost) {
  SpecFile f;
  auto points = expand(load_spec(f.write("base: base.yaml\nparameters:\n"
                                         "  - {key: a, values: [1, 2]}\n  - {key: b, values: [x, y, z]}\n")));
  ASSERT_EQ(points.size(), 6u);
  const char* want[6][2] = {{"1", "x"}, {"1", "y"}, {"1", "z"}, {"2", "x"}, {"2", "y"}, {"2", "z"}};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(points[i].index, static_cast<long>(i));
    EXPECT_EQ(points[i].params[0], (std::pair<std::string, std::string>{"a", want[i][0]}));
    EXPECT_EQ(points[i].params[1], (std::pair<std::string, std::string>{"b", want[i][1]}));
  }
}

TEST(SweepSpec, ZipPairsTheIthValues) {
  SpecFile f;
  auto points = expand(load_spec(f.write("base: base.yaml\ncombine: zip\nparameters:\n"
                                         "  - {key: a, values: [1, 2, 3]}\n  - {key: b, values: [x, y, z]}\n")));
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[2].params[0].second, "3");
  EXPECT_EQ(points[2].params[1].second, "z");
}

TEST(SweepSpec, RangeIncludesBothEndsWithItsUnit) {
  SpecFile f;
  auto points = expand(load_spec(
      f.write("base: base.yaml\nparameters:\n  - {key: e, range: {from: 0, to: 2000, step: 250, unit: MWh}}\n"
              "  - {key: g, range: {from: 0.1, to: 0.3, step: 0.1}}\n")));
  ASSERT_EQ(points.size(), 9u * 3u);
  EXPECT_EQ(points[0].params[0].second, "0MWh");
  EXPECT_EQ(points[3].params[0].second, "250MWh");
  EXPECT_EQ(points.back().params[0].second, "2000MWh");
  // 0.1 + 2 * 0.1 is 0.30000000000000004: the end is kept despite rounding.
  EXPECT_EQ(points[2].params[1].first, "g");
  double v = 0;
  ASSERT_TRUE(numeric_value(points[2].params[1].second, v));
  EXPECT_NEAR(v, 0.3, 1e-12);
}

TEST(SweepSpec, ReplicationsAreInnermostWithSeedPlusR) {
  SpecFile f;
  auto points = expand(load_spec(f.write("base: base.yaml\nseed: 40\nreplications: 3\nparameters:\n  - {key: a, values: [1, 2]}\n")));
  ASSERT_EQ(points.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(points[i].seed, 40u + i % 3);
    EXPECT_EQ(points[i].params[0].second, i < 3 ? "1" : "2");
  }
  points = expand(load_spec(f.write("base: base.yaml\nreplications: [7, 11]\n")));
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].seed, 7u);
  EXPECT_EQ(points[1].seed, 11u);
}

TEST(SweepSpec, RandomDrawsAreInBoundsAndSeeded) {
  SpecFile f;
  auto text = [](int seed) {
    return "base: base.yaml\nseed: " + std::to_string(seed) + "\nsamples: 50\nparameters:\n  - {key: r, random: {min: 10, max: 20, unit: MW}}\n";
  };
  auto a = expand(load_spec(f.write(text(1))));
  auto b = expand(load_spec(f.write(text(1))));
  auto c = expand(load_spec(f.write(text(2))));
  ASSERT_EQ(a.size(), 50u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].params, b[i].params);
    double v = 0;
    ASSERT_TRUE(numeric_value(a[i].params[0].second, v));
    EXPECT_GE(v, 10);
    EXPECT_LT(v, 20);
    EXPECT_EQ(a[i].params[0].second.substr(a[i].params[0].second.size() - 2), "MW");
  }
  EXPECT_NE(a[0].params, c[0].params);
}

TEST(SweepSpec, LatinHypercubeHitsEveryStratumOncePerDimension) {
  SpecFile f;
  const int n = 37;
  auto points = expand(load_spec(f.write("base: base.yaml\nsamples: " + std::to_string(n) +
                                         "\nparameters:\n  - {key: u, lhs: {min: 0, max: 1}}\n"
                                         "  - {key: w, lhs: {min: 100, max: 200, unit: kW}}\n"
                                         "  - {key: p, values: [a, b]}\n")));
  // The sampled parameters form one axis (first), crossed with p.
  ASSERT_EQ(points.size(), 2u * n);
  for (size_t dim = 0; dim < 2; ++dim) {
    std::set<long> strata;
    for (size_t i = 0; i < points.size(); i += 2) {
      EXPECT_EQ(points[i].params[0], points[i + 1].params[0]);
      double v = 0;
      ASSERT_TRUE(numeric_value(points[i].params[dim].second, v));
      double unit01 = dim == 0 ? v : (v * 1000 - 100) / 100;  // kW -> MW in the base unit
      strata.insert(static_cast<long>(std::floor(unit01 * n)));
    }
    EXPECT_EQ(strata.size(), static_cast<size_t>(n)) << "dimension " << dim;
    EXPECT_EQ(*strata.begin(), 0);
    EXPECT_EQ(*strata.rbegin(), n - 1);
  }
}

TEST(SweepSpec, ValuesInSiForTheSummary) {
  double v = 0;
  EXPECT_TRUE(numeric_value("2GWh", v));
  EXPECT_DOUBLE_EQ(v, 2000);
  EXPECT_EQ(value_unit("2GWh"), "MWh");
  EXPECT_TRUE(numeric_value("15min", v));
  EXPECT_DOUBLE_EQ(v, 900);
  EXPECT_TRUE(numeric_value("0.25", v));
  EXPECT_EQ(value_unit("0.25"), "");
  EXPECT_FALSE(numeric_value("easy_backfill", v));
  EXPECT_EQ(format_number(0.1), "0.1");
}

}  // namespace
}  // namespace sovcap::sweep
