// Same config and seed => the same datasets, bit for bit (docs/architecture.md): across
// runs, across -j settings of a sweep, and across a sweep killed mid-way and
// resumed (which must not rerun its finished points). Files are compared as
// h5dump's text of every group, dataset and attribute, floats printed with 17
// digits (so equal text means equal doubles), leaving out only the attributes
// that record when and how long (created_utc, wall_s).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "run_helpers.hpp"
#include "tests/common/file_bytes.hpp"

namespace fs = std::filesystem;
using runtest::sh;

namespace {

// Every line of h5dump but the file's name and the created_utc / wall_s attribute blocks.
std::string dump(const std::string& h5) {
  auto r = sh("h5dump -m %.17g " + h5);
  EXPECT_EQ(r.exit_code, 0) << h5 << ": " << r.output.substr(0, 2000);
  std::istringstream in(r.output);
  std::string line, out, skip_until;
  std::getline(in, line);  // HDF5 "<path>" {
  while (std::getline(in, line)) {
    if (!skip_until.empty()) {
      if (line == skip_until) skip_until.clear();
      continue;
    }
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string::npos &&
        (line.compare(indent, std::string::npos, "ATTRIBUTE \"created_utc\" {") == 0 ||
         line.compare(indent, std::string::npos, "ATTRIBUTE \"wall_s\" {") == 0)) {
      skip_until = std::string(indent, ' ') + "}";
      continue;
    }
    out += line + "\n";
  }
  return out;
}

using sovcap::test::slurp;

// The first line where two texts differ, for the failure message.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string la, lb;
  for (int n = 1;; ++n) {
    bool ea = !std::getline(x, la), eb = !std::getline(y, lb);
    if (ea && eb) return "identical";
    if (ea != eb || la != lb) return "line " + std::to_string(n) + ":\n  " + la + "\n  " + lb;
  }
}

const int kPoints = 4;

std::string write_spec(const runtest::TempDir& dir) {
  std::string spec = dir / "spec.yaml";
  std::ofstream(spec) << "base: " << runtest::config("tiny.yaml") << "\nset: {duration: 6h}\n"
                      << "parameters:\n  - {key: sites.dakhla.battery.energy, values: [0MWh, 2MWh, 5MWh, 20MWh]}\n";
  return spec;
}

std::string point(const std::string& out, int i) {
  char name[32];
  std::snprintf(name, sizeof name, "/points/p%06d.h5", i);
  return out + name;
}

void expect_same_sweeps(const std::string& a, const std::string& b) {
  EXPECT_EQ(slurp(a + "/summary.csv"), slurp(b + "/summary.csv"));
  auto sa = dump(a + "/summary.h5"), sb = dump(b + "/summary.h5");
  EXPECT_EQ(sa, sb) << first_difference(sa, sb);
  for (int i = 0; i < kPoints; ++i) {
    auto pa = dump(point(a, i)), pb = dump(point(b, i));
    EXPECT_EQ(pa, pb) << "point " << i << ": " << first_difference(pa, pb);
  }
}

}  // namespace

TEST(Reproducibility, SameConfigAndSeedGiveTheSameFileButItsClock) {
  runtest::TempDir dir;
  std::string run = runtest::sovcap() + " run " + runtest::config("tiny.yaml") + " --duration 12h --quiet ";
  for (const char* name : {"a.h5", "b.h5"}) ASSERT_EQ(sh(run + "--seed 11 -o " + (dir / name)).exit_code, 0);
  ASSERT_EQ(sh(run + "--seed 12 -o " + (dir / "c.h5")).exit_code, 0);
  auto a = dump(dir / "a.h5"), b = dump(dir / "b.h5"), c = dump(dir / "c.h5");
  ASSERT_NE(a.find("DATASET \"jobs\""), std::string::npos) << a.substr(0, 2000);
  ASSERT_NE(a.find("ATTRIBUTE \"seed\""), std::string::npos);
  EXPECT_EQ(a.find("ATTRIBUTE \"wall_s\""), std::string::npos) << "the clock attributes are left out";
  EXPECT_EQ(a, b) << first_difference(a, b);
  EXPECT_NE(a, c) << "another seed must give another file, or this comparison cannot fail";
}

TEST(Reproducibility, SweepPointsAndSummaryDoNotDependOnJobsOrOnAKillAndResume) {
  runtest::TempDir dir;
  std::string spec = write_spec(dir);
  std::string sweep = runtest::sovcap() + " sweep " + spec + " --quiet ";
  auto one = dir / "j1", two = dir / "j2", resumed = dir / "resumed";
  auto r1 = sh(sweep + "-j 1 -o " + one);
  ASSERT_EQ(r1.exit_code, 0) << r1.output;
  auto r2 = sh(sweep + "-j 2 -o " + two);
  ASSERT_EQ(r2.exit_code, 0) << r2.output;
  EXPECT_NE(slurp(one + "/summary.csv").find("\n3,"), std::string::npos) << slurp(one + "/summary.csv");
  expect_same_sweeps(one, two);
  EXPECT_NE(dump(point(one, 0)), dump(point(one, 3))) << "points with other batteries must differ";

  // Kill the sweep (-j 1) once its first point is done and before its last.
  pid_t pid = fork();
  if (pid == 0) {
    FILE* f = freopen((dir / "killed.log").c_str(), "w", stderr);
    (void)f;
    execl(SOVCAP_BINARY, "sovcap", "sweep", spec.c_str(), "-j", "1", "-o", resumed.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  auto until = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (!fs::exists(point(resumed, 0)) && std::chrono::steady_clock::now() < until && waitpid(pid, nullptr, WNOHANG) == 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // a running point dies with the sweep
  ASSERT_TRUE(fs::exists(point(resumed, 0))) << slurp(dir / "killed.log");
  ASSERT_FALSE(fs::exists(point(resumed, kPoints - 1))) << "the sweep finished before it could be killed";
  EXPECT_FALSE(fs::exists(resumed + "/summary.csv"));
  std::vector<std::pair<int, struct stat>> kept;
  for (int i = 0; i < kPoints; ++i) {
    struct stat st {};
    if (::stat(point(resumed, i).c_str(), &st) == 0) kept.emplace_back(i, st);
  }

  auto r3 = sh(sweep + "-j 2 --resume -o " + resumed);
  ASSERT_EQ(r3.exit_code, 0) << r3.output;
  for (const auto& [i, before] : kept) {  // finished points are kept as they were, not rerun
    struct stat after {};
    ASSERT_EQ(::stat(point(resumed, i).c_str(), &after), 0);
    EXPECT_EQ(after.st_ino, before.st_ino) << "point " << i << " was rerun";
    EXPECT_EQ(after.st_mtim.tv_sec, before.st_mtim.tv_sec) << "point " << i << " was rerun";
    EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec) << "point " << i << " was rerun";
  }
  for (const auto& e : fs::directory_iterator(resumed + "/points"))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  expect_same_sweeps(one, resumed);
}
