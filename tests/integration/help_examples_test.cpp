// The examples a command's --help shows are accepted: `sovcap size --help`'s example key passes
// `sovcap check`, with a value in its example unit, and its example target names a declared KPI.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "run_helpers.hpp"
#include "simulator/output/figures.hpp"

using namespace runtest;

namespace {

// The text after "e.g. " on the help line of an option.
std::string example_of(const std::string& help, const std::string& option) {
  std::smatch m;
  std::regex line(option + R"([^\n]*e\.g\. ([^\s)]+))");
  if (!std::regex_search(help, m, line)) return "";
  return m[1];
}

}  // namespace

TEST(HelpExamples, SizeHelpsExampleKeyPassesCheckAndItsTargetIsAKpi) {
  auto help = sh(runtest::sovcap() + " size --help");
  ASSERT_EQ(help.exit_code, 0) << help.output;
  std::string key = example_of(help.output, "--param");
  std::string unit = example_of(help.output, "--unit");
  std::string target = example_of(help.output, "--target");
  ASSERT_FALSE(key.empty()) << help.output;
  ASSERT_FALSE(target.empty()) << help.output;
  // What `sovcap size` does with a probe: --set KEY=<value><unit>.
  auto check = sh(runtest::sovcap() + " check " + config("morocco-2030.yaml") + " --set '" + key + "=1000" + unit + "'");
  EXPECT_EQ(check.exit_code, 0) << key << "=1000" << unit << ":\n" << check.output;
  // The target's KPI: a name before the comparison, declared among the /summary KPIs.
  std::smatch m;
  ASSERT_TRUE(std::regex_match(target, m, std::regex(R"(([a-z0-9_]+)\s*(<=|>=|<|>|==)\s*[-0-9.e]+)"))) << target;
  EXPECT_NE(sovcap::output::find_figure(sovcap::output::Table::kpi, m[1].str()), nullptr) << target;
}

TEST(HelpExamples, TheFormerExampleKeyIsRejected) {
  // So that the test above would have failed on it: check names the unknown key and exits 2.
  auto check = sh(runtest::sovcap() + " check " + config("morocco-2030.yaml") + " --set sites.dakhla.power.battery.energy_mwh=1000");
  EXPECT_EQ(check.exit_code, 2) << check.output;
  EXPECT_NE(check.output.find("power"), std::string::npos) << check.output;
}
