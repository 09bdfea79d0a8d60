// Hostile input (issue 18, docs/reliability.md "Hostile input and faults"):
// what must end with exit 2, a one-line reason and nothing written, never a
// signal, a hang or a destroyed file. Through the real binary, every command.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_helpers.hpp"
#include "tests/config/temp_files.hpp"

using runtest::sh;

namespace {

const std::string kBase = cfgtest::replace_line(cfgtest::kMinimal, 2, "  duration: 6h");

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

size_t count_files(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) n += !e.is_directory();
  return n;
}

// `cmd` exits 2 (not a signal: 128+) and says `says`.
void expect_2(const std::string& cmd, const std::string& says) {
  auto r = sh("timeout 60 " + cmd);
  EXPECT_EQ(r.exit_code, 2) << cmd << "\n" << r.output;
  EXPECT_NE(r.output.find(says), std::string::npos) << cmd << ": expected '" << says << "' in\n" << r.output;
}

std::string S() { return runtest::sovcap(); }

}  // namespace

TEST(Hostile, SelfReferencingAliasesEverywhere) {
  runtest::TempDir dir;
  std::ofstream(dir / "seq.yaml") << kBase << "x: &a [*a]\n";
  std::ofstream(dir / "map.yaml") << "x: &a {k: [1, *a]}\n" << kBase;
  std::ofstream(dir / "base.yaml") << kBase;
  std::ofstream(dir / "spec.yaml") << "base: base.yaml\nset: &s {scenario.name: *s}\nparameters: [{key: scenario.seed, values: [1, 2]}]\n";
  const std::string says = "a YAML alias inside the value it names";
  for (const char* cmd : {" check ", " run -q -o out.h5 "}) {
    expect_2(S() + cmd + (dir / "seq.yaml"), "seq.yaml:19:");
    expect_2(S() + cmd + (dir / "map.yaml"), "map.yaml:1:");
    expect_2(S() + cmd + (dir / "base.yaml") + " --set 'scenario.name=&a [*a]'", says);
    expect_2(S() + cmd + (dir / "base.yaml") + " --set 'scenario.name=&a {b: *a}'", says);
  }
  expect_2(S() + " sweep " + (dir / "spec.yaml") + " -o " + (dir / "sw"), says);
  expect_2(S() + " size " + (dir / "base.yaml") + " --param sites.alpha.pools.0.nodes --lo 1 --hi 4 --target 'wait_p95_s<=1' "
           "--set 'scenario.name=&a [*a]'", says);
  EXPECT_FALSE(std::filesystem::exists(dir / "sw"));
}

TEST(Hostile, AliasBombAndOversizedFilesAreBounded) {
  runtest::TempDir dir;
  // ~1 KB that would expand to 10^9 values.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  ASSERT_LT(bomb.size(), 1100u);
  std::ofstream(dir / "bomb.yaml") << bomb;
  // Long text repeated by aliases: few values, many bytes.
  std::ofstream(dir / "text-bomb.yaml") << "t: &t '" << std::string(500'000, 'x') << "'\nu: [" << [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "*t, ";
    return s + "*t]\n";
  }();
  // A long inline list: the same data in a CSV costs a few bytes a value; in YAML hundreds.
  std::string big = kBase + "x: [0";
  while (big.size() < (1u << 20) + 10) big += ",0";
  std::ofstream(dir / "big.yaml") << big << "]\n";
  std::ofstream(dir / "base.yaml") << kBase;
  for (const char* cmd : {" check ", " run -q -o out.h5 "}) {
    expect_2(S() + cmd + (dir / "bomb.yaml"), "expands to more than 1000000 values");
    expect_2(S() + cmd + (dir / "text-bomb.yaml"), "32 MB of text");
    expect_2(S() + cmd + (dir / "big.yaml"), "at most 1048576 bytes");
  }
  std::ofstream(dir / "spec.yaml") << "base: base.yaml\n" << bomb << "parameters: [{key: scenario.seed, values: [1, 2]}]\n";
  expect_2(S() + " sweep " + (dir / "spec.yaml") + " -o " + (dir / "sw"), "expands to more than");
  // A very long id: bounded.
  std::string id(5000, 'a');
  std::ofstream(dir / "long-id.yaml") << cfgtest::replace_line(kBase, 4, "  - id: " + id);
  auto r = sh(S() + " check " + (dir / "long-id.yaml"));
  EXPECT_EQ(r.exit_code, 2) << r.output.substr(0, 500);
  EXPECT_NE(r.output.find("at most 100 characters"), std::string::npos) << r.output.substr(0, 500);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
}

TEST(Hostile, OnlyRegularFilesAreRead) {
  runtest::TempDir dir;
  std::string d = dir.path();
  std::filesystem::create_symlink(d + "/loop-a", d + "/loop-b");
  std::filesystem::create_symlink(d + "/loop-b", d + "/loop-a");
  ASSERT_EQ(::mkfifo((d + "/fifo").c_str(), 0600), 0);
  std::ofstream(dir / "base.yaml") << kBase;
  for (const std::string& bad : {std::string("loop-a"), std::string("fifo"), std::string("/dev/zero")}) {
    std::string what = bad == "fifo" ? "a FIFO" : bad == "loop-a" ? "a symlink loop" : "a character device";
    std::string p = bad[0] == '/' ? bad : d + "/" + bad;
    for (const char* cmd : {" check ", " run -q -o out.h5 "}) {
      expect_2(S() + cmd + p, what);
      // The same file as what the scenario names.
      std::ofstream(dir / "ext.yaml") << "extends: " << p << "\n";
      expect_2(S() + cmd + (dir / "ext.yaml"), "extends: cannot read '" + p + "': " + what);
      std::ofstream(dir / "trace.yaml") << kBase << "workload: {trace: " << p << "}\n";
      expect_2(S() + cmd + (dir / "trace.yaml"), "workload.trace: '" + p + "' is " + what);
      std::ofstream(dir / "profile.yaml") << cfgtest::replace_line(kBase, 8, "      - {kind: gpu, nodes: 4}\n    solar: {capacity: 1MW, profile_csv: " + p + "}");
      expect_2(S() + cmd + (dir / "profile.yaml"), "sites.alpha.solar.profile_csv: '" + p + "' is " + what);
      std::ofstream(dir / "carbon.yaml") << cfgtest::replace_line(kBase, 8, "      - {kind: gpu, nodes: 4}\n    grid: {carbon_csv: " + p + "}");
      expect_2(S() + cmd + (dir / "carbon.yaml"), "sites.alpha.grid.carbon_csv: '" + p + "' is " + what);
      std::ofstream(dir / "empirical.yaml") << cfgtest::replace_line(kBase, 18, "    runtime: {type: empirical, file: " + p + "}");
      expect_2(S() + cmd + (dir / "empirical.yaml"), "classes.train.runtime.file: '" + p + "' is " + what);
      expect_2(S() + cmd + (dir / "base.yaml") + " --set workload.trace=" + p, what);
    }
    expect_2(S() + " summary " + p, what);
    expect_2(S() + " summary --json " + p, what);
    expect_2(S() + " sweep " + p + " -o " + (dir / "sw"), what);
    std::ofstream(dir / "spec.yaml") << "base: " << p << "\nparameters: [{key: scenario.seed, values: [1, 2]}]\n";
    expect_2(S() + " sweep " + (dir / "spec.yaml") + " -o " + (dir / "sw"), what);
    expect_2(S() + " size " + p + " --param sites.alpha.pools.0.nodes --lo 1 --hi 4 --target 'wait_p95_s<=1'", what);
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
  EXPECT_FALSE(std::filesystem::exists(dir / "sw"));
}

TEST(Hostile, ResultsNeverReplaceInputsDevicesOrOtherFiles) {
  runtest::TempDir dir;
  std::string d = dir.path();
  std::string cfg = dir / "base.yaml";
  std::ofstream(cfg) << kBase;
  ASSERT_EQ(::mkfifo((d + "/fifo").c_str(), 0600), 0);
  std::ofstream(dir / "ext.yaml") << "extends: base.yaml\n";
  std::ofstream(dir / "temp.csv") << "timestamp,c\n2030-01-01T00:00:00Z,20\n";
  std::ofstream(dir / "profiled.yaml") << cfgtest::replace_line(kBase, 8, "      - {kind: gpu, nodes: 4}\n    climate: {profile_csv: temp.csv}");
  std::ofstream(dir / "trace.csv") << "submit_s,class,region,units,runtime_s\n0,train,north,8,60\n";
  std::ofstream(dir / "traced.yaml") << kBase << "workload: {trace: trace.csv}\n";
  struct { std::string config, out, says; } cases[] = {
      {cfg, cfg, "is the scenario itself"},
      {cfg, "/dev/null", "is a character device"},
      {cfg, d + "/fifo", "is a FIFO"},
      {cfg, d, "is a directory"},
      {dir / "traced.yaml", d + "/trace.csv", "trace.csv, an input of the scenario"},
      {dir / "ext.yaml", cfg, "base.yaml, an input of the scenario"},
      {dir / "profiled.yaml", d + "/temp.csv", "temp.csv, an input of the scenario"},
  };
  for (const auto& c : cases) {
    std::string before = c.out == d ? "" : c.out == "/dev/null" || c.out == d + "/fifo" ? "" : slurp(c.out);
    expect_2(S() + " run -q " + c.config + " -o " + c.out, c.says);
    if (!before.empty()) {
      EXPECT_EQ(slurp(c.out), before) << c.out;
    }
  }
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  ASSERT_EQ(::stat((d + "/fifo").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  EXPECT_EQ(count_files(d), 7u);  // the inputs and the FIFO: no temp file left
}

TEST(Hostile, EmptyOptionValuesAreUsageErrors) {
  runtest::TempDir dir;
  std::string cfg = dir / "base.yaml";
  std::ofstream(cfg) << kBase;
  std::ofstream(dir / "spec.yaml") << "base: base.yaml\nparameters: [{key: scenario.seed, values: [1, 2]}]\n";
  const std::string out = " -o " + (dir / "out.h5");
  for (const std::string& args : {" run -q " + cfg + " --seed ''" + out, " run -q " + cfg + " --duration ''" + out,
                                 " run -q " + cfg + " -o ''", " run -q " + cfg + " --set ''" + out, " run -q ''" + out,
                                 " check " + cfg + " --seed ''", " check " + cfg + " --duration ''",
                                 " sweep " + (dir / "spec.yaml") + " -o ''", " sweep " + (dir / "spec.yaml") + " --slurm ''",
                                 " size " + cfg + " --param '' --lo 1 --hi 4 --target 'wait_p95_s<=1'",
                                 " size " + cfg + " --param sites.alpha.pools.0.nodes --lo 1 --hi 4 --target 'wait_p95_s<=1' --unit ''",
                                 std::string(" summary ''")})
    expect_2(S() + args, "empty value");
  EXPECT_EQ(count_files(dir.path()), 2u);  // nothing written
}

TEST(Hostile, QuantitiesThatWouldMakeARunExplodeAreRejectedWithTheLimit) {
  runtest::TempDir dir;
  std::string cfg = dir / "base.yaml";
  std::ofstream(cfg) << kBase;
  const std::string flat24 = ",1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]";
  struct { std::string sets, says; } cases[] = {
      {"network.links.0.bandwidth=1e300Gbps", "network.links.0.bandwidth: 1e300Gbps is out of range (from 1e-06 to 1000000)"},
      {"network.links.0.bandwidth=1e-9Gbps", "out of range (from 1e-06 to 1000000)"},
      {"network.links.0.latency=1e300s", "network.links.0.latency: 1e300s is out of range (from 0 to 3600, or auto)"},
      {"sites.alpha.pools.0.mtbf=1ms --set sites.alpha.pools.0.mttr=1ms",
       "sites.alpha.pools.0.mtbf: about 8.64e+07 node failures over the run (nodes x duration / mtbf) (at most 1e+07 per pool"},
      {"network.links.0.mtbf=1ms --set network.links.0.mttr=1ms", "network.links.0.mtbf: about 1.08e+07 failures of this link"},
      {"classes.train.hourly=[1e300" + flat24, "classes.train.rate: the arrival rate with its hourly, weekday and growth factors peaks at 2e+300 jobs/h"},
      {"classes.train.rate=1e6", "about 6e+06 jobs would arrive over the run"},
      {"classes.train.rate=1e6 --set scenario.duration=10y --set classes.train.growth=1e300", "peaks at more than 1e308 jobs/h"},
      {"scenario.step=1ms", "scenario.step: 2.16e+07 samples over the run (duration / step) (at most 2000000 samples"},
  };
  for (const auto& c : cases) {
    expect_2(S() + " check " + cfg + " --set " + c.sets, c.says);
    expect_2(S() + " run -q " + cfg + " -o " + (dir / "out.h5") + " --set " + c.sets, c.says);
  }
  // Just inside each limit is accepted (so the limits are where they say).
  auto r = sh(S() + " check " + cfg + " --set sites.alpha.pools.0.mtbf=0.0087s --set sites.alpha.pools.0.mttr=1h"
              " --set network.links.0.mtbf=0.2s --set network.links.0.mttr=0.02s --set classes.train.rate=8e5"
              " --set network.links.0.bandwidth=1e6Gbps --set scenario.step=0.011s");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
}

TEST(Hostile, PhysicallyImpossibleProfileValues) {
  runtest::TempDir dir;
  auto profile = [&](const std::string& name, const std::string& value) {
    std::ofstream(dir / name) << "timestamp,value\n2030-01-01T00:00:00Z,1\n2030-01-01T01:00:00Z," << value << "\n";
  };
  profile("temp.csv", "-300");
  profile("carbon.csv", "-5");
  profile("solar.csv", "1.5");
  profile("wind.csv", "300");
  struct { std::string section, key, file, says; } cases[] = {
      {"climate: {profile_csv: temp.csv}", "sites.alpha.climate.profile_csv", "temp.csv", "value -300 is physically impossible (ambient temperature from -90 to 60 C"},
      {"grid: {carbon_csv: carbon.csv}", "sites.alpha.grid.carbon_csv", "carbon.csv", "value -5 is physically impossible (grid carbon intensity from 0 to 2000 gCO2/kWh"},
      {"solar: {capacity: 1MW, profile_csv: solar.csv}", "sites.alpha.solar.profile_csv", "solar.csv", "value 1.5 is physically impossible (AC MW per MW of panels from 0 to 1.361"},
      {"wind: {capacity: 1MW, profile_csv: wind.csv}", "sites.alpha.wind.profile_csv", "wind.csv", "value 300 is physically impossible (wind speed from 0 to 113 m/s"},
  };
  for (const auto& c : cases) {
    std::ofstream(dir / "s.yaml") << cfgtest::replace_line(kBase, 8, "      - {kind: gpu, nodes: 4}\n    " + c.section);
    for (const char* cmd : {" check ", " run -q -o out.h5 "}) {
      expect_2(S() + cmd + (dir / "s.yaml"), c.key + ": " + (dir / c.file) + ":3: " + c.says);
    }
  }
  // The same quantities given as parameters.
  const std::string flat = ",1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]";
  std::ofstream(dir / "base.yaml") << kBase;
  for (auto [set, says] : {std::pair<std::string, std::string>{"sites.alpha.grid.carbon=-5", "sites.alpha.grid.carbon: -5 is out of range (from 0 to 2000)"},
                           {"sites.alpha.grid.carbon_hourly=[1e6" + flat, "sites.alpha.grid.carbon_hourly: carbon x the largest hourly factor is"},
                           {"sites.alpha.climate.monthly_mean=[-300,0,0,0,0,0,0,0,0,0,0,0]", "sites.alpha.climate.monthly_mean.0: -300 is out of range"},
                           {"sites.alpha.wind.weibull_c=1e9", "sites.alpha.wind.weibull_c: 1e9 is out of range (> 0 and <= 113)"}})
    expect_2(S() + " check " + (dir / "base.yaml") + " --set '" + set + "'", says);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
}

TEST(Hostile, TheOptimiserToo) {
  runtest::TempDir dir;
  std::string d = dir.path();
  std::ofstream(dir / "base.yaml") << kBase;
  const std::string body = "variables: [{key: sites.alpha.pools.0.nodes, min: 1, max: 4}]\n"
                           "objectives: [{kpi: carbon_t, goal: min}, {kpi: wait_mean_s, goal: min}]\n";
  std::ofstream(dir / "spec.yaml") << "base: base.yaml\n" << body;
  std::ofstream(dir / "alias.yaml") << "base: base.yaml\nx: &a [*a]\n" << body;
  ASSERT_EQ(::mkfifo((d + "/fifo").c_str(), 0600), 0);
  std::ofstream(dir / "fifo-base.yaml") << "base: fifo\n" << body;
  std::string o = " -o " + (dir / "opt");
  expect_2(S() + " optimize " + (dir / "alias.yaml") + o, "a YAML alias inside the value it names");
  expect_2(S() + " optimize " + d + "/fifo" + o, "a FIFO");
  expect_2(S() + " optimize " + (dir / "fifo-base.yaml") + o, "is a FIFO (named pipe), not a scenario file");
  expect_2(S() + " optimize " + (dir / "spec.yaml") + " -o ''", "empty value");
  expect_2(S() + " optimize " + (dir / "spec.yaml") + " -o /dev/null", "exists and is not a directory");
  EXPECT_FALSE(std::filesystem::exists(dir / "opt"));
  // A directory another search holds.
  std::filesystem::create_directories(dir / "held");
  pid_t holder = fork();
  if (holder == 0) {
    execl("/usr/bin/flock", "flock", "-x", "-o", (d + "/held/.lock").c_str(), "sleep", "30", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 500 && !std::filesystem::exists(d + "/held/.lock"); ++i) ::usleep(10'000);
  ::usleep(200'000);
  expect_2(S() + " optimize " + (dir / "spec.yaml") + " -o " + d + "/held", "is in use by another search or sweep");
  kill(holder, SIGTERM);
  waitpid(holder, nullptr, 0);
  EXPECT_EQ(count_files(d + "/held"), 1u);  // only the lock file
}

TEST(Hostile, SummaryAndSweepMergeFollowNoLinksOutOfTheResult) {
  runtest::TempDir dir;
  std::string d = dir.path();
  std::ofstream(dir / "base.yaml") << kBase;
  auto r = sh(S() + " run -q " + (dir / "base.yaml") + " -o " + (dir / "good.h5"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_EQ(::mkfifo((d + "/fifo").c_str(), 0600), 0);
  // An external link to a FIFO would block the reader forever; a soft link may loop.
  std::string py = std::string(SOVCAP_PYTHON) + " -c \"import h5py, shutil, sys; d = sys.argv[1]\n"
                   "shutil.copy(d + '/good.h5', d + '/ext.h5'); shutil.copy(d + '/good.h5', d + '/soft.h5')\n"
                   "f = h5py.File(d + '/ext.h5', 'a'); del f['summary/sites']; f['summary/sites'] = h5py.ExternalLink(d + '/fifo', '/x'); f.close()\n"
                   "f = h5py.File(d + '/soft.h5', 'a'); del f['summary']; f['summary'] = h5py.SoftLink('/summary'); f.close()\" " + d;
  auto made = sh(py);
  ASSERT_EQ(made.exit_code, 0) << made.output;
  expect_2(S() + " summary " + d + "/ext.h5", "/summary/sites is an external link (sovcap results hold none)");
  expect_2(S() + " summary --json " + d + "/ext.h5", "external link");
  expect_2(S() + " summary " + d + "/soft.h5", "/summary is a soft link");
}
