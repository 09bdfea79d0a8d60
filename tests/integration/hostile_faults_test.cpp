// Faults of the machine and of other processes (issue 18, docs/reliability.md
// "Hostile input and faults"): a full disk, SIGHUP, temp files of dead runs,
// two sweeps on one directory, a finished sweep point damaged later.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "run_helpers.hpp"
#include "tests/common/file_bytes.hpp"
#include "tests/config/temp_files.hpp"

namespace fs = std::filesystem;
using runtest::sh;

namespace {

using sovcap::test::slurp;

size_t temps_in(const std::string& dir) {
  size_t n = 0;
  for (auto& e : fs::recursive_directory_iterator(dir)) n += e.path().filename().string().find(".tmp.") != std::string::npos;
  return n;
}

// A pid that is surely not running: a child that has ended and been reaped.
pid_t dead_pid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

}  // namespace

TEST(HostileFaults, AFullDiskIsARunFailureThatKeepsThePreviousResult) {
  // ulimit -f stands for a full disk: the same failed write (EFBIG instead of ENOSPC), no root needed.
  runtest::TempDir dir;
  std::string out = dir / "r.h5";
  auto first = sh(runtest::sovcap() + " run -q " + runtest::config("tiny.yaml") + " --duration 6h -o " + out);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  std::string before = slurp(out);
  ASSERT_GT(before.size(), 100'000u);
  // 100 blocks of 512 bytes (bash): well below what the full run writes.
  auto r = sh("ulimit -f 100; " + runtest::sovcap() + " run -q " + runtest::config("tiny.yaml") + " -o " + out);
  EXPECT_EQ(r.exit_code, 1) << r.output;  // not 128 + SIGXFSZ, not 128 + SIGSEGV
  EXPECT_NE(r.output.find("run failed"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("File too large"), std::string::npos) << r.output;
  // One line (a sanitizer build's own reports go to its log files: tools/test).
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << "one line: " << r.output;
  EXPECT_EQ(slurp(out), before);
  EXPECT_EQ(temps_in(dir.path()), 0u);
}

TEST(HostileFaults, SighupStopsARunLikeSigterm) {
  runtest::TempDir dir;
  std::string out = dir / "r.h5";
  pid_t pid = fork();
  if (pid == 0) {
    FILE* f = freopen((dir / "log.txt").c_str(), "w", stderr);
    (void)f;
    std::string cfg = runtest::config("morocco-2030.yaml");
    execl(SOVCAP_BINARY, "sovcap", "run", cfg.c_str(), "-o", out.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 6000 && temps_in(dir.path()) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(temps_in(dir.path()), 1u) << slurp(dir / "log.txt");
  kill(pid, SIGHUP);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGHUP);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(temps_in(dir.path()), 0u);
  EXPECT_NE(slurp(dir / "log.txt").find("signal 1"), std::string::npos) << slurp(dir / "log.txt");
}

TEST(HostileFaults, TempFilesOfDeadRunsAreRemovedByTheNextRun) {
  runtest::TempDir dir;
  std::string out = dir / "r.h5";
  std::string dead = out + ".tmp." + std::to_string(dead_pid());
  std::string alive = out + ".tmp." + std::to_string(::getpid());  // this test's own: a live process
  std::string other = dir / "other.h5.tmp.1";                     // another target's: not ours to touch
  for (const auto& p : {dead, alive, other}) std::ofstream(p) << "left over";
  auto r = sh(runtest::sovcap() + " run -q " + runtest::config("tiny.yaml") + " --duration 6h -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(alive));
  EXPECT_TRUE(fs::exists(other));
}

TEST(HostileFaults, TwoSweepsOnOneDirectory) {
  runtest::TempDir dir;
  std::ofstream(dir / "base.yaml") << cfgtest::replace_line(cfgtest::kMinimal, 2, "  duration: 6h");
  std::ofstream(dir / "spec.yaml") << "base: base.yaml\nparameters: [{key: scenario.seed, values: [1, 2, 3, 4]}]\n";
  std::string sw = dir / "sw";
  // A first sweep holds the directory: hold its lock as it does, from a process that then waits.
  fs::create_directories(sw);
  pid_t holder = fork();
  if (holder == 0) {
    execl("/usr/bin/flock", "flock", "-x", "-o", (sw + "/.lock").c_str(), "sleep", "30", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 500 && !fs::exists(sw + "/.lock"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  for (const std::string& extra : {std::string(), std::string(" --resume"), std::string(" --merge-only"), std::string(" --point 1")}) {
    auto r = sh(runtest::sovcap() + " sweep -q " + (dir / "spec.yaml") + " -o " + sw + extra);
    EXPECT_EQ(r.exit_code, 2) << extra << ": " << r.output;
    EXPECT_NE(r.output.find("is in use by another sweep"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(sw + "/points")) << extra;
  }
  kill(holder, SIGTERM);
  waitpid(holder, nullptr, 0);
  // Released when the holder ends: the sweep runs.
  auto ok = sh(runtest::sovcap() + " sweep -q " + (dir / "spec.yaml") + " -o " + sw);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  // A running sweep names itself to a second one.
  pid_t first = fork();
  if (first == 0) {
    std::string spec = dir / "spec.yaml", out2 = dir / "sw2";
    execl(SOVCAP_BINARY, "sovcap", "sweep", "-q", spec.c_str(), "-o", out2.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 3000 && !fs::exists(dir / "sw2/plan.csv"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  auto second = sh(runtest::sovcap() + " sweep -q " + (dir / "spec.yaml") + " -o " + (dir / "sw2") + " --resume");
  int status = 0;
  waitpid(first, &status, 0);
  if (second.exit_code == 2) {  // the first was still running (it usually is: 4 points)
    EXPECT_NE(second.output.find("pid " + std::to_string(first)), std::string::npos) << second.output;
  } else {
    EXPECT_EQ(second.exit_code, 0) << second.output;
  }
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(HostileFaults, ResumeRedoesAFinishedPointDamagedSince) {
  runtest::TempDir dir;
  std::ofstream(dir / "base.yaml") << cfgtest::replace_line(cfgtest::kMinimal, 2, "  duration: 6h");
  std::ofstream(dir / "spec.yaml") << "base: base.yaml\nparameters: [{key: scenario.seed, values: [1, 2, 3]}]\n";
  std::string sw = dir / "sw";
  auto first = sh(runtest::sovcap() + " sweep -q " + (dir / "spec.yaml") + " -o " + sw);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  std::string good = slurp(sw + "/points/p000001.h5");
  std::string csv = slurp(sw + "/summary.csv");
  std::ofstream(sw + "/points/p000001.h5", std::ios::binary | std::ios::trunc) << good.substr(0, good.size() / 3);
  // Merging names the damaged point.
  auto merged = sh(runtest::sovcap() + " sweep -q " + (dir / "spec.yaml") + " -o " + sw + " --merge-only");
  EXPECT_EQ(merged.exit_code, 1) << merged.output;
  EXPECT_NE(merged.output.find("p000001: unreadable result"), std::string::npos) << merged.output;
  // --resume runs it again, and only it.
  auto p0 = fs::last_write_time(sw + "/points/p000000.h5");
  auto resumed = sh(runtest::sovcap() + " sweep -q " + (dir / "spec.yaml") + " -o " + sw + " --resume");
  EXPECT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(fs::last_write_time(sw + "/points/p000000.h5"), p0);
  EXPECT_EQ(slurp(sw + "/summary.csv"), csv);
  auto summary = sh(runtest::sovcap() + " summary " + sw + "/points/p000001.h5");
  EXPECT_EQ(summary.exit_code, 0) << summary.output;
}
