// Running sweeps end to end with the fake `sovcap run` (fake_sovcap.cpp):
// parallel points, failures, kill and resume, SIGTERM, MPI, Slurm, --point.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "simulator/sweep/layout.hpp"
#include "sweep_test_util.hpp"

namespace sovcap::sweep {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

// A sweep of n values of x over the fake runner, each run sleeping `sleep` s.
struct FakeSweep {
  TempDir s;
  std::string spec, out = s.path("out"), counter = s.path("runs.txt");
  explicit FakeSweep(int n, double sleep = 0.0, const std::string& extra = "") {
    s.write("base.yaml", "scenario: {name: fake}\n");
    std::string values;
    for (int i = 0; i < n; ++i) values += (i ? ", " : "") + std::to_string(i * 100) + "MWh";
    spec = s.write("spec.yaml", "base: base.yaml\nset: {sleep: " + std::to_string(sleep) + ", counter: " + counter +
                                    "}\nparameters:\n  - {key: x, values: [" + values + "]}\n" + extra);
  }
  int sweep(std::vector<std::string> more, std::string* log = nullptr) {
    std::vector<std::string> args = {"sweep", spec, "-o", out, "--quiet"};
    args.insert(args.end(), more.begin(), more.end());
    return test::run_self(args, s.path("sweep.log"), log);
  }
  std::string csv() const { return read_text_file(out + "/summary.csv"); }
};

std::vector<std::vector<std::string>> parse_csv_lines(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::string cur;
    bool q = false;
    for (char c : line) {
      if (c == '"') q = !q;
      else if (c == ',' && !q) f.push_back(std::exchange(cur, ""));
      else cur += c;
    }
    f.push_back(cur);
    rows.push_back(f);
  }
  return rows;
}

TEST(SweepRun, ParallelRunsEveryPointAndMergesKpis) {
  FakeSweep f(6, 0.05);
  std::string log;
  ASSERT_EQ(f.sweep({"-j", "2"}, &log), 0) << log;
  auto rows = parse_csv_lines(f.csv());
  ASSERT_EQ(rows.size(), 7u);
  const auto& h = rows[0];
  std::vector<std::string> head(h.begin(), h.begin() + 5);
  EXPECT_EQ(head, (std::vector<std::string>{"point", "seed", "status", "error", "param.x"}));
  auto col = [&](const std::string& name) { return std::find(h.begin(), h.end(), name) - h.begin(); };
  ASSERT_LT(col("wait_p95_s"), static_cast<long>(h.size()));
  ASSERT_LT(col("dakhla.energy_it_mwh"), static_cast<long>(h.size()));
  EXPECT_EQ(col("label"), static_cast<long>(h.size())) << "string attributes are not KPIs";
  EXPECT_LT(col("jobs_submitted"), col("wait_p95_s")) << "documented KPIs first, in their order";
  for (int i = 0; i < 6; ++i) {
    const auto& r = rows[static_cast<size_t>(i) + 1];
    EXPECT_EQ(r[0], std::to_string(i));
    EXPECT_EQ(r[2], "ok");
    EXPECT_EQ(std::stod(r[4]), i * 100.0);  // MWh is the base unit
    EXPECT_EQ(std::stod(r[static_cast<size_t>(col("wait_p95_s"))]), 10000 - 5 * i * 100.0);
    EXPECT_EQ(std::stod(r[static_cast<size_t>(col("dakhla.energy_it_mwh"))]), i * 100.0 + 1);
  }
  EXPECT_EQ(test::count_lines(f.counter), 6);
  EXPECT_TRUE(fs::exists(f.out + "/summary.h5"));
  EXPECT_TRUE(fs::exists(f.out + "/logs/p000005.log"));
}

TEST(SweepRun, AFailingPointIsRecordedAndTheOthersFinish) {
  FakeSweep f(4, 0.0);
  f.s.write("spec.yaml", read_text_file(f.spec) + "");
  // fail_at is a fixed override: the point whose x text equals it fails.
  std::string text = read_text_file(f.spec);
  text.replace(text.find("set: {"), 6, "set: {fail_at: 200MWh, ");
  f.s.write("spec.yaml", text);
  std::string log;
  EXPECT_EQ(f.sweep({"-j", "2"}, &log), 1) << log;
  auto rows = parse_csv_lines(f.csv());
  ASSERT_EQ(rows.size(), 5u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(rows[static_cast<size_t>(i) + 1][2], i == 2 ? "failed" : "ok");
  EXPECT_EQ(rows[3][3], "exit 1: fake: error: failing as asked at x=200MWh");
  EXPECT_EQ(rows[3][5], "") << "no KPIs for a failed point";
  // A rerun with --resume retries only the failed point.
  EXPECT_EQ(f.sweep({"--resume"}), 1);
  EXPECT_EQ(test::count_lines(f.counter), 5);
}

TEST(SweepRun, AFreshSweepRefusesADirectoryWithResults) {
  FakeSweep f(1);
  ASSERT_EQ(f.sweep({}), 0);
  std::string log;
  EXPECT_EQ(f.sweep({}, &log), 2);
  EXPECT_NE(log.find("use --resume"), std::string::npos) << log;
}

TEST(SweepRun, ResumeAfterKillRerunsOnlyUnfinishedPoints) {
  FakeSweep f(8, 0.15);
  pid_t pid = test::start({"sweep", f.spec, "-o", f.out, "-j", "2", "--quiet"}, f.s.path("first.log"));
  SweepDir dir{f.out};
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto finished = [&] {
    int n = 0;
    for (int i = 0; i < 8; ++i) n += dir.done(i);
    return n;
  };
  while (finished() < 3 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(pid, SIGKILL);
  test::wait_for(pid);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the children die with the sweep
  int before = finished();
  ASSERT_GE(before, 3);
  ASSERT_LT(before, 8) << "the sweep finished before it could be killed";
  std::vector<std::pair<int, fs::file_time_type>> kept;
  for (int i = 0; i < 8; ++i)
    if (dir.done(i)) kept.emplace_back(i, fs::last_write_time(dir.result(i)));
  long runs_before = test::count_lines(f.counter);
  std::ofstream(dir.result(7) + ".tmp.99999") << "half a run";  // what a killed run leaves

  ASSERT_EQ(f.sweep({"--resume", "-j", "2"}), 0);
  for (const auto& [i, t] : kept) EXPECT_EQ(fs::last_write_time(dir.result(i)), t) << "point " << i << " was rerun";
  EXPECT_EQ(test::count_lines(f.counter), runs_before + (8 - before));
  EXPECT_FALSE(fs::exists(dir.result(7) + ".tmp.99999"));
  auto rows = parse_csv_lines(f.csv());
  ASSERT_EQ(rows.size(), 9u);
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i][2], "ok");
}

TEST(SweepRun, SigtermStopsChildrenAndExits143) {
  FakeSweep f(4, 0.6);
  pid_t pid = test::start({"sweep", f.spec, "-o", f.out, "-j", "2", "--quiet"}, f.s.path("first.log"));
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (test::count_lines(f.counter) < 2 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(pid, SIGTERM);
  EXPECT_EQ(test::wait_for(pid), 143);
  EXPECT_FALSE(fs::exists(f.out + "/summary.csv"));
  SweepDir dir{f.out};
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(dir.done(i));
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // a surviving child would have written by now
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(dir.done(i)) << "point " << i << " outlived the sweep";
}

TEST(SweepRun, MpiRanksGiveTheSameSummaryAsLocal) {
  if (std::system("command -v mpirun > /dev/null 2>&1") != 0) GTEST_SKIP() << "mpirun not found";
  FakeSweep f(6, 0.05, "replications: 2\n");
  ASSERT_EQ(f.sweep({"-j", "2"}), 0);
  std::string local = f.csv();
  std::string log = f.s.path("mpi.log");
  std::string cmd = "mpirun --allow-run-as-root --oversubscribe -np 2 '" + test::self() + "' sweep '" + f.spec +
                    "' -o '" + f.s.path("mpi") + "' --quiet > '" + log + "' 2>&1";
  int rc = std::system(cmd.c_str());
  ASSERT_EQ(rc, 0) << read_text_file(log);
  EXPECT_EQ(read_text_file(f.s.path("mpi") + "/summary.csv"), local);
  EXPECT_EQ(test::count_lines(f.counter), 24) << "each point once locally and once under MPI";
  std::string runs = read_text_file(f.counter);
  EXPECT_NE(runs.find(" 0\n"), std::string::npos) << "rank 0 runs points too";
  EXPECT_NE(runs.find(" 1\n"), std::string::npos) << "rank 1 got points";
}

TEST(SweepRun, SlurmScriptPointAndMergeOnly) {
  FakeSweep f(3);
  std::string script = f.s.path("sweep.sbatch");
  ASSERT_EQ(f.sweep({"--slurm", script}), 0);
  std::string text = read_text_file(script);
  EXPECT_NE(text.find("#SBATCH --array=0-2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("--point \"$SLURM_ARRAY_TASK_ID\""), std::string::npos);
  EXPECT_NE(text.find("--merge-only"), std::string::npos);
  EXPECT_EQ(test::count_lines(f.counter), 0) << "writing the script runs nothing";
  // What the array tasks and the merge step do:
  ASSERT_EQ(f.sweep({"--point", "2"}), 0);
  ASSERT_EQ(f.sweep({"--point", "0"}), 0);
  EXPECT_EQ(f.sweep({"--merge-only"}), 1) << "point 1 never ran";
  auto rows = parse_csv_lines(f.csv());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][2], "ok");
  EXPECT_EQ(rows[2][2], "missing");
  EXPECT_EQ(rows[3][2], "ok");
  ASSERT_EQ(f.sweep({"--point", "1"}), 0);
  EXPECT_EQ(f.sweep({"--merge-only"}), 0);
  std::string log;
  EXPECT_EQ(f.sweep({"--point", "3"}, &log), 2) << "out of range";
}

TEST(SweepRun, SummaryOpensWithPandas) {
  if (::access(SOVCAP_PYTHON, X_OK) != 0) GTEST_SKIP() << "no " SOVCAP_PYTHON;
  FakeSweep f(3, 0.0, "replications: 2\n");
  ASSERT_EQ(f.sweep({"-j", "2"}), 0);
  std::string py = f.s.write("check.py",
                             "import sys, pandas as pd, h5py\n"
                             "d = pd.read_csv(sys.argv[1] + '/summary.csv')\n"
                             "assert len(d) == 6, d\n"
                             "assert d['param.x'].dtype.kind in 'if' and list(d['param.x'][::2]) == [0, 100, 200]\n"
                             "assert list(d['seed']) == [1, 2] * 3\n"
                             "assert (d['status'] == 'ok').all()\n"
                             "t = h5py.File(sys.argv[1] + '/summary.h5')['points'][:]\n"
                             "assert list(t['point']) == list(range(6)) and t['status'][0] == b'ok'\n"
                             "assert abs(t['wait_p95_s'][2] - d['wait_p95_s'][2]) < 1e-9\n");
  std::string cmd = std::string(SOVCAP_PYTHON) + " '" + py + "' '" + f.out + "' > '" + f.s.path("py.log") + "' 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << read_text_file(f.s.path("py.log"));
}

}  // namespace
}  // namespace sovcap::sweep
