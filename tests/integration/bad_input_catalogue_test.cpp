// The catalogue of bad input (docs/reliability.md): every case, through the
// real command line, exits 2, names the file, line and key (or the file and
// line where no key can be known: YAML syntax, bytes that are not UTF-8), and
// writes nothing. `sovcap check` and `sovcap run` both. Cases the loader's own
// unit tests (tests/config/loader_errors_test.cpp) check in more detail are
// here too, end to end, so the catalogue is complete in one place.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "run_helpers.hpp"
#include "tests/config/temp_files.hpp"

using runtest::sh;

namespace {

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

// The config tests' minimal valid scenario, run for 6 h; cases replace its lines or append to it.
const std::string kBase = replaced(cfgtest::kMinimal, "  duration: 1d\n", "  duration: 6h\n");

// kBase with line n (1-based) replaced by text (which may hold several lines).
std::string with_line(int n, const std::string& text) { return cfgtest::replace_line(kBase, n, text); }

struct Case {
  std::string name;
  std::string yaml;                           // the scenario, written to <name>.yaml
  std::string where;                          // expected "LINE:COL" (or "LINE:") after the file name
  std::string key;                            // expected key path ("" = none can be known)
  std::string says;                           // expected part of the message
  std::map<std::string, std::string> extra{};  // other files beside the scenario
  std::string in{};                            // the file named, when it is one of extra
};

// Run check and run on the case: exit 2, the place, the key, the message; nothing written.
void expect_rejected(const Case& c) {
  SCOPED_TRACE(c.name);
  runtest::TempDir dir;
  std::string cfg = dir / (c.name + ".yaml");
  std::ofstream(cfg, std::ios::binary) << c.yaml;
  for (const auto& [name, text] : c.extra) std::ofstream(dir / name, std::ios::binary) << text;
  for (const char* cmd : {"check", "run"}) {
    std::string out = dir / "out.h5";
    auto r = sh(runtest::sovcap() + " " + cmd + " " + cfg + (std::string(cmd) == "run" ? " --quiet -o " + out : ""));
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.output;
    std::string named = c.in.empty() ? cfg : dir / c.in;
    EXPECT_NE(r.output.find(named + ":" + c.where), std::string::npos) << cmd << ": expected " << c.where << " in\n" << r.output;
    if (!c.key.empty()) {
      EXPECT_NE(r.output.find("error: " + c.key + ": "), std::string::npos) << cmd << ": " << r.output;
    }
    EXPECT_NE(r.output.find(c.says), std::string::npos) << cmd << ": expected '" << c.says << "' in\n" << r.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << cmd;
  }
  // Nothing but the inputs in the directory: no result, no temporary file.
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 1 + c.extra.size());
}

void expect_all(const std::vector<Case>& cases) {
  for (const auto& c : cases) expect_rejected(c);
}

}  // namespace

TEST(BadInput, TheBaseScenarioIsGood) {  // so that each case fails for its own reason only
  runtest::TempDir dir;
  std::ofstream(dir / "base.yaml") << kBase;
  auto r = sh(runtest::sovcap() + " check " + (dir / "base.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(BadInput, WrongTypes) {
  expect_all({
      {"word-for-number", with_line(5, "    latitude: high"), "5:15", "sites.alpha.latitude", "'high' is not a number"},
      {"bool-for-number", with_line(16, "    rate: true"), "16:11", "classes.train.rate", "'true' is not a number"},
      {"map-for-number", with_line(16, "    rate: {per: hour}"), "16:11", "classes.train.rate", "expected a number, found a map"},
      {"scalar-for-list", replaced(kBase, "    pools:\n      - {kind: gpu, nodes: 4}\n", "    pools: 5\n"), "7:12", "sites.alpha.pools", "expected a list, found a single value"},
      {"word-for-duration", with_line(2, "  duration: soon"), "2:13", "scenario.duration", "does not start with a number"},
      {"wrong-unit-kind", with_line(2, "  duration: 2MWh"), "2:13", "scenario.duration", "is an energy, not a duration"},
      {"list-at-top", "- a\n- b\n", "1:1", "", "a scenario must be a map of keys, found a list"},
  });
}

TEST(BadInput, NegativeOrZeroCapacities) {
  expect_all({
      {"zero-nodes", with_line(8, "      - {kind: gpu, nodes: 0}"), "8:28", "sites.alpha.pools.0.nodes", "out of range"},
      {"negative-solar", with_line(8, "      - {kind: gpu, nodes: 4}\n    solar: {capacity: -5MW}"), "9:23",
       "sites.alpha.solar.capacity", "-5MW is out of range"},
      {"negative-battery", with_line(8, "      - {kind: gpu, nodes: 4}\n    battery: {energy: -1MWh}"), "9:23",
       "sites.alpha.battery.energy", "-1MWh is out of range"},
      {"negative-bandwidth", with_line(13, "    - {a: north, b: alpha, bandwidth: -10Gbps}"), "13:39",
       "network.links.0.bandwidth", "-10Gbps is out of range"},
      {"zero-bandwidth", with_line(13, "    - {a: north, b: alpha, bandwidth: 0Gbps}"), "13:39",
       "network.links.0.bandwidth", "0Gbps is out of range"},
      {"zero-step", with_line(2, "  duration: 6h\n  step: 0s"), "3:9", "scenario.step", "0s is out of range"},
      {"negative-duration", with_line(2, "  duration: -1d"), "2:13", "scenario.duration", "-1d is out of range"},
  });
}

TEST(BadInput, OutOfRangeCoordinates) {
  expect_all({
      {"site-latitude", with_line(5, "    latitude: 95"), "5:15", "sites.alpha.latitude", "95 is out of range"},
      {"site-longitude", with_line(6, "    longitude: -181"), "6:16", "sites.alpha.longitude", "-181 is out of range"},
      {"region-latitude", with_line(10, "  - {id: north, latitude: -91, longitude: -6}"), "10:27", "regions.north.latitude",
       "-91 is out of range"},
  });
}

TEST(BadInput, UnknownKeys) {
  expect_all({
      {"top-level", std::string(kBase) + "colour: blue\n", "19:1", "colour", "unknown key 'colour'"},
      {"nested-with-suggestion", with_line(2, "  duraton: 6h"), "2:3", "scenario.duraton", "did you mean 'duration'?"},
      {"in-a-list-item", with_line(8, "      - {kind: gpu, nodes: 4, colour: red}"), "8:31", "sites.alpha.pools.0.colour",
       "unknown key 'colour'"},
  });
}

TEST(BadInput, DuplicateIdsAndKeys) {
  expect_all({
      {"site", with_line(8, "      - {kind: gpu, nodes: 4}\n  - {id: alpha, latitude: 30, longitude: -8, pools: [{kind: gpu, nodes: 1}]}"),
       "9:10", "sites.alpha", "duplicate site id 'alpha'"},
      {"region", with_line(10, "  - {id: north, latitude: 34, longitude: -6}\n  - {id: north, latitude: 33, longitude: -7}"), "11:10",
       "regions.north", "duplicate region id 'north'"},
      {"class", std::string(kBase) + "  - id: train\n    rate: 1\n    units: {type: constant, value: 1}\n"
                                     "    runtime: {type: exponential, mean: 1h}\n",
       "19:9", "classes.train", "duplicate class id 'train'"},
      {"link", with_line(13, "    - {id: l1, a: north, b: alpha}\n    - {id: l1, a: alpha, b: north}"), "14:", "network.links.l1",
       "duplicate link id 'l1'"},
      {"key", with_line(6, "    longitude: -7\n    longitude: -8"), "7:5", "longitude", "duplicate key"},
  });
}

TEST(BadInput, LinksToUnknownNodesAndUnreachableRegions) {
  expect_all({
      {"unknown-node", with_line(13, "    - {a: nort, b: alpha}"), "13:11", "network.links.0.a", "unknown node 'nort'; did you mean 'north'?"},
      {"link-to-itself", with_line(13, "    - {a: north, b: alpha}\n    - {a: alpha, b: alpha}"), "14:21", "network.links.1.b",
       "a link from a node to itself"},
      {"region-cannot-reach-a-site",
       with_line(10, "  - {id: north, latitude: 34, longitude: -6}\n  - {id: island, latitude: 28, longitude: -16}"), "11:",
       "regions.island", "cannot reach any site"},
      {"class-site-unknown", std::string(kBase) + "    allowed_sites: [alpah]\n", "19:", "classes.train.allowed_sites.0",
       "unknown site 'alpah'"},
  });
}

TEST(BadInput, EmptyOrTruncatedFiles) {
  std::string base = kBase;
  expect_all({
      {"empty-scenario", "", "1:1", "sites", "a scenario needs at least one site"},
      {"comment-only-scenario", "# nothing yet\n", "1:1", "sites", "a scenario needs at least one site"},
      {"truncated-scenario", base.substr(0, base.find("classes:")), "1:1", "classes", "at least one job class"},
      {"truncated-mid-flow", base.substr(0, base.find("nodes: 4") + 5), "", "", "YAML syntax"},
      {"empty-empirical-file", with_line(18, "    runtime: {type: empirical, file: runtimes.txt}"), "18:", "classes.train.runtime.file",
       "no values", {{"runtimes.txt", ""}}},
      {"empty-profile-csv", with_line(8, "      - {kind: gpu, nodes: 4}\n    solar: {capacity: 10MW, profile_csv: cf.csv}"), "9:42",
       "sites.alpha.solar.profile_csv", "cf.csv: no data rows", {{"cf.csv", ""}}},
      {"truncated-profile-csv", with_line(8, "      - {kind: gpu, nodes: 4}\n    wind: {capacity: 10MW, profile_csv: cf.csv}"), "9:41",
       "sites.alpha.wind.profile_csv", "cf.csv:3: bad value ''", {{"cf.csv", "time,cf\n2030-01-01T00:00Z,0.5\n2030-01-01T01:00Z,"}}},
      {"profile-csv-missing", with_line(8, "      - {kind: gpu, nodes: 4}\n    solar: {capacity: 10MW, profile_csv: nope.csv}"),
       "9:", "sites.alpha.solar.profile_csv", "cannot find the file"},
  });
}

TEST(BadInput, BytesThatAreNotUtf8) {
  expect_all({
      {"latin1-name", with_line(5, "    latitude: 32\n    name: \"Sal\xe9\""), "6:15", "", "not UTF-8 text: byte 0xE9 after 'name: \"Sal'"},
      {"utf16-file", std::string("\xff\xfes\0c\0", 6), "1:1", "", "not UTF-8 text: byte 0xFF"},
      {"surrogate-in-key", std::string(kBase) + "x\xed\xa0\x80: 1\n", "19:2", "", "not UTF-8 text: byte 0xED after 'x'"},
      {"binary-in-profile-csv", with_line(8, "      - {kind: gpu, nodes: 4}\n    grid: {carbon_csv: co2.csv}"), "9:",
       "sites.alpha.grid.carbon_csv", "co2.csv:2: bad timestamp", {{"co2.csv", "time,g\n\xff\xfe\x01,500\n"}}},
      {"binary-in-empirical-file", with_line(18, "    runtime: {type: empirical, file: runtimes.txt}"), "18:",
       "classes.train.runtime.file", "not a number", {{"runtimes.txt", "3600\n\xff\xfe\x01\n"}}},
  });
}

TEST(BadInput, NanAndInf) {
  expect_all({
      {"yaml-nan", with_line(5, "    latitude: .nan"), "5:15", "sites.alpha.latitude", "'.nan' is not a number"},
      {"yaml-inf", with_line(16, "    rate: .inf"), "16:11", "classes.train.rate", "'.inf' is not a number"},
      {"yaml-minus-inf", with_line(6, "    longitude: -.inf"), "6:16", "sites.alpha.longitude", "'-.inf' is not a number"},
      {"word-nan", with_line(16, "    rate: nan"), "16:11", "classes.train.rate", "'nan' is not a finite number"},
      {"inf-duration", with_line(2, "  duration: inf"), "2:13", "scenario.duration", "'inf' is not a finite number"},
      {"nan-in-empirical-file", with_line(18, "    runtime: {type: empirical, file: runtimes.txt}"), "18:",
       "classes.train.runtime.file", "not a number: 'nan'", {{"runtimes.txt", "3600\nnan\n"}}},
  });
}

TEST(BadInput, HugeNumbers) {
  expect_all({
      {"beyond-a-double", with_line(5, "    latitude: 1e400"), "5:15", "sites.alpha.latitude", "'1e400' is out of the range of numbers"},
      {"overflow-with-unit", with_line(2, "  duration: 1e305y"), "2:13", "scenario.duration", "'1e305y' is too large"},
      {"overflow-power", with_line(8, "      - {kind: gpu, nodes: 4}\n    solar: {capacity: 1e308GW}"), "9:23",
       "sites.alpha.solar.capacity", "'1e308GW' is too large"},
      {"job-rate", with_line(16, "    rate: 1e300"), "16:11", "classes.train.rate", "1e300 is out of range (from 0 to 1000000)"},
      {"nodes", with_line(8, "      - {kind: gpu, nodes: 1e30}"), "8:28", "sites.alpha.pools.0.nodes", "not a whole number"},
      {"seed-above-64-bits", with_line(2, "  duration: 6h\n  seed: 99999999999999999999999"), "3:9", "scenario.seed",
       "not a whole number from 0 to 2^64-1"},
      {"negative-seed", with_line(2, "  duration: 6h\n  seed: -1"), "3:9", "scenario.seed", "not a whole number from 0 to 2^64-1"},
  });
}

TEST(BadInput, ExtendsCyclesAndBrokenChains) {
  expect_all({
      {"extends-itself", "extends: extends-itself.yaml\n", "1:10", "extends", "a config that includes itself"},
      {"extends-a-cycle", "extends: b.yaml\n", "1:10", "extends", "a config that includes itself: extends-a-cycle.yaml -> b.yaml -> extends-a-cycle.yaml",
       {{"b.yaml", "extends: extends-a-cycle.yaml\n"}}, "b.yaml"},
      {"extends-missing", "# base first\nextends: nowhere.yaml\n", "2:10", "extends", "cannot read"},
      {"extends-a-directory", "extends: .\n", "1:10", "extends", "cannot read '"},
  });
}

TEST(BadInput, OverridesOnTheCommandLine) {
  runtest::TempDir dir;
  std::ofstream(dir / "base.yaml") << kBase;
  for (auto [set, says] : {std::pair{"scenario.duration=.inf", "scenario.duration"}, {"sites.alpha.latitude=.nan", "sites.alpha.latitude"},
                           {"sites.alpha.pools.0.nodes=-4", "sites.alpha.pools.0.nodes"}, {"sites.beta.latitude=3", "beta"}}) {
    auto r = sh(runtest::sovcap() + " run " + (dir / "base.yaml") + " --quiet -o " + (dir / "o.h5") + " --set '" + set + "'");
    EXPECT_EQ(r.exit_code, 2) << set << ": " << r.output;
    EXPECT_NE(r.output.find("--set"), std::string::npos) << set << ": " << r.output;
    EXPECT_NE(r.output.find(says), std::string::npos) << set << ": " << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "o.h5"));
  }
}

TEST(BadInput, JobsOfNoUnitsOrNoTimeAndNoTransfers) {
  // Units were rounded up to 1 and a run time of 0 gave a job that took no time: both are mistakes.
  expect_all({
      {"units-constant-0", with_line(17, "    units: {type: constant, value: 0}"), "17:36", "classes.train.units.value",
       "a job's units must be > 0, got 0"},
      {"units-negative-min", with_line(17, "    units: {type: uniform, min: -4, max: 8}"), "17:33", "classes.train.units.min",
       "a job's units must be > 0: min is -4"},
      {"units-discrete-0", with_line(17, "    units: {type: discrete, values: [8, 0], weights: [1, 1]}"), "17:",
       "classes.train.units.values", "value 2 is 0"},
      {"runtime-constant-0", with_line(18, "    runtime: {type: constant, value: 0s}"), "18:38", "classes.train.runtime.value",
       "a job's runtime must be > 0, got 0"},
      {"inputs-in-flight-0", with_line(11, "network:\n  inputs_in_flight: 0"), "12:21", "network.inputs_in_flight",
       "out of range"},
      {"runtime-empirical-file-0", with_line(18, "    runtime: {type: empirical, file: runtimes.txt}"), "18:",
       "classes.train.runtime.file", "value 2 is 0", {{"runtimes.txt", "3600\n0\n"}}},
  });
}
