// The optimisation spec: a valid one reads as written; every error names the spec's file, the
// line and the key, and all errors are reported at once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "simulator/optimize/spec.hpp"
#include "tests/common/temp_dir.hpp"

namespace sovcap::optimize {
namespace {


class SpecTest : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    return dir_.write("spec.yaml", "base: " + std::string(SOVCAP_SOURCE_DIR) + "/configs/tiny.yaml\n" + text);
  }
  // The error text of a spec that must not load.
  std::string errors(const std::string& text) {
    auto p = write(text);
    try {
      load_spec(p);
    } catch (const ConfigError& e) {
      return e.what();
    }
    ADD_FAILURE() << "the spec loaded:\n" << text;
    return "";
  }
  test::TempDir dir_;
};

const char* kGood = R"(variables:
  - {key: sites.benguerir.pools.gpu.nodes, min: 2, max: 12, integer: true}
  - {key: sites.dakhla.solar.capacity, min: 0, max: 1, unit: MW}
  - {key: scheduling.policy, choices: [fcfs, easy_backfill]}
objectives:
  - {kpi: carbon_t, goal: min}
  - {kpi: dakhla.renewable_fraction, goal: max, reference: 0.1}
constraints:
  - {kpi: unserved_mwh, max: 0}
seeds: [3, 5]
combine: cvar
cvar_level: 0.5
algorithm: {name: nsga2, population: 12, generations: 4, seed: 9}
screening: {duration: 12h, starts: [2030-06-01T00:00:00Z, 2030-06-02T00:00:00Z]}
near_optimal: {margin: 0.1}
)";

TEST_F(SpecTest, AValidSpecReadsAsWritten) {
  Spec s = load_spec(write(kGood));
  ASSERT_EQ(s.variables.size(), 3u);
  EXPECT_EQ(s.variables[0].kind, Variable::Kind::integer);
  EXPECT_EQ(s.variables[1].kind, Variable::Kind::real);
  EXPECT_EQ(s.variables[1].unit, "MW");
  EXPECT_EQ(s.variables[2].kind, Variable::Kind::choice);
  EXPECT_EQ(s.variables[2].max, 1.0);
  EXPECT_EQ(s.variables[0].text(6.6), "7");     // integers round
  EXPECT_EQ(s.variables[1].text(0.25), "0.25MW");
  EXPECT_EQ(s.variables[2].text(0.7), "easy_backfill");
  EXPECT_EQ(s.variables[2].text(-3), "fcfs");   // clamped to the list
  ASSERT_EQ(s.objectives.size(), 2u);
  EXPECT_TRUE(s.objectives[1].maximize);
  EXPECT_EQ(*s.objectives[1].reference, 0.1);
  EXPECT_EQ(*s.constraints[0].max, 0.0);
  EXPECT_EQ(s.seeds, (std::vector<uint64_t>{3, 5}));
  EXPECT_EQ(s.combine, Combine::cvar);
  EXPECT_EQ(s.cvar_level, 0.5);
  EXPECT_EQ(s.population, 12);
  EXPECT_EQ(s.generations, 4);
  EXPECT_EQ(s.seed, 9u);
  EXPECT_EQ(s.screening_duration, "12h");
  EXPECT_EQ(s.screening_starts.size(), 2u);
  EXPECT_EQ(s.near_optimal_margin, 0.1);
}

TEST_F(SpecTest, DefaultsAndSeedCount) {
  Spec s = load_spec(write(R"(set: {sites.dakhla.phases: []}
variables: [{key: sites.dakhla.solar.capacity, min: 0, max: 1, unit: MW}]
objectives: [{kpi: carbon_t, goal: min}, {kpi: wait_mean_s, goal: min}]
seeds: 3
)"));
  EXPECT_EQ(s.seeds, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(s.algorithm, "nsga2");
  EXPECT_EQ(s.combine, Combine::mean);
  EXPECT_TRUE(s.screening_duration.empty());
  ASSERT_EQ(s.fixed.size(), 1u);  // a list in set is one value, passed as flow YAML
  EXPECT_EQ(s.fixed[0], (std::pair<std::string, std::string>{"sites.dakhla.phases", "[]"}));
}

TEST_F(SpecTest, EveryErrorNamesLineAndKey) {
  auto e = errors(R"(variables:
  - {key: sites.dakhla.solar.capacity, min: 1, max: 0, unit: MW}
  - {key: sites.dakhla.solar.capacity, min: 0, max: 1, unit: parsecs}
  - {key: scheduling.policy, choices: [fcfs]}
objectives:
  - {kpi: carbon_t, goal: minimum}
  - {kpi: wait_mean_s, goal: min}
combine: median
algorithm: {population: 10, generatoins: 3}
)");
  EXPECT_NE(e.find("spec.yaml:3:53: error: variables.0.max: 'max' is not above 'min'"), std::string::npos) << e;
  EXPECT_NE(e.find(":4:62: error: variables.1.unit: unknown unit 'parsecs'"), std::string::npos) << e;
  EXPECT_NE(e.find(":5:39: error: variables.2.choices: expected a list of at least two values"), std::string::npos) << e;
  EXPECT_NE(e.find(":7:27: error: objectives.0.goal: 'minimum' is not allowed here"), std::string::npos) << e;
  EXPECT_NE(e.find(":9:10: error: combine: 'median' is not allowed here"), std::string::npos) << e;
  EXPECT_NE(e.find(":10:25: error: algorithm.population: '10' is not a multiple of 4"), std::string::npos) << e;
  EXPECT_NE(e.find(":10:29: error: algorithm.generatoins: unknown key 'generatoins'; did you mean 'generations'?"),
            std::string::npos)
      << e;
}

TEST_F(SpecTest, StructuralErrors) {
  auto e = errors("objectives: [{kpi: carbon_t, goal: min}]\nseeds: []\nfoo: 1\n");
  EXPECT_NE(e.find("variables: missing the decision variables"), std::string::npos) << e;
  EXPECT_NE(e.find(":2:13: error: objectives: one objective: nothing to trade off"), std::string::npos) << e;
  EXPECT_NE(e.find(":3:8: error: seeds: the list of seeds is empty"), std::string::npos) << e;
  EXPECT_NE(e.find(":4:1: error: foo: unknown key 'foo'"), std::string::npos) << e;
  e = errors(R"(variables: [{key: sites.dakhla.solar.capacity, min: 0, max: 1, unit: MW}, {key: sites.dakhla.solar.capacity, min: 0, max: 2, unit: MW}]
objectives: [{kpi: carbon_t, goal: min}, {goal: max}]
constraints: [{kpi: unserved_mwh}]
cvar_level: 0.9
screening: {duration: soon}
near_optimal: {margin: 2}
)");
  EXPECT_NE(e.find("variables.1.key: 'sites.dakhla.solar.capacity' is decided twice"), std::string::npos) << e;
  EXPECT_NE(e.find("objectives.1.kpi: missing the KPI"), std::string::npos) << e;
  EXPECT_NE(e.find("constraints.0: a constraint needs a bound"), std::string::npos) << e;
  EXPECT_NE(e.find(":5:13: error: cvar_level: cvar_level without combine: cvar"), std::string::npos) << e;
  EXPECT_NE(e.find(":6:23: error: screening.duration: 'soon' is not a duration"), std::string::npos) << e;
  EXPECT_NE(e.find(":7:24: error: near_optimal.margin: '2' is out of range"), std::string::npos) << e;
}

TEST_F(SpecTest, KpisAndKeysAreCheckedAgainstTheScenario) {
  auto e = errors(R"(variables:
  - {key: sites.dakhla.solar.capacty, min: 0, max: 1, unit: MW}
  - {key: sites.dakhla.battery.energy, min: -1, max: 1, unit: MWh}
objectives:
  - {kpi: carbon_tt, goal: min}
  - {kpi: dakhla.wait_p95_s, goal: min}
constraints:
  - {kpi: atlantis.unserved_mwh, max: 0}
)");
  EXPECT_NE(e.find(":3:5: error: variables.0: the scenario rejects sites.dakhla.solar.capacty=0MW"), std::string::npos) << e;
  EXPECT_NE(e.find(":4:5: error: variables.1: the scenario rejects sites.dakhla.battery.energy=-1MWh"), std::string::npos) << e;
  EXPECT_NE(e.find(":6:5: error: objectives.0.kpi: no KPI 'carbon_tt' in this scenario's results; did you mean 'carbon_t'?"),
            std::string::npos)
      << e;
  EXPECT_EQ(e.find("objectives.1.kpi"), std::string::npos) << e;  // a site's column is a KPI
  EXPECT_NE(e.find(":9:5: error: constraints.0.kpi: no KPI 'atlantis.unserved_mwh'"), std::string::npos) << e;
  e = errors(R"(set: {sites.dakhla.solar.capacity: lots}
variables: [{key: sites.dakhla.battery.energy, min: 0, max: 1, unit: MWh}]
objectives: [{kpi: carbon_t, goal: min}, {kpi: wait_mean_s, goal: min}]
)");
  EXPECT_NE(e.find(":2:6: error: set: the scenario does not load with these overrides"), std::string::npos) << e;
}

}  // namespace
}  // namespace sovcap::optimize

namespace sovcap::optimize {
namespace {

// The shipped examples load: their keys, KPIs and windows are right for their scenarios.
TEST(ShippedSpecs, EveryOptimizeConfigLoads) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(SOVCAP_SOURCE_DIR) + "/configs/optimize")) {
    if (e.path().extension() != ".yaml") continue;
    ++n;
    Spec s;
    ASSERT_NO_THROW(s = load_spec(e.path().string())) << e.path();
    EXPECT_EQ(s.objectives.size(), 3u) << e.path();
    EXPECT_FALSE(s.screening_duration.empty()) << e.path();
  }
  EXPECT_GE(n, 2);
}

}  // namespace
}  // namespace sovcap::optimize
