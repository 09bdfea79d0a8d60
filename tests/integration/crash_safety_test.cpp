// A run killed at any moment leaves the target as it was: no truncated result.
#include <gtest/gtest.h>
#include <signal.h>
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

namespace {

pid_t spawn_run(const std::string& out, const std::string& log) {
  pid_t pid = fork();
  if (pid == 0) {
    FILE* f = freopen(log.c_str(), "w", stderr);
    (void)f;
    std::string cfg = runtest::config("morocco-2030.yaml");
    execl(SOVCAP_BINARY, "sovcap", "run", cfg.c_str(), "-o", out.c_str(), "--quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

bool temp_exists(const runtest::TempDir& dir) {
  for (auto& e : fs::directory_iterator(dir.path()))
    if (e.path().filename().string().find(".tmp") != std::string::npos) return true;
  return false;
}

// Wait until the run has its temporary result open (it is mid-run), up to 60 s.
bool wait_for_temp(const runtest::TempDir& dir, pid_t pid) {
  for (int i = 0; i < 6000; ++i) {
    if (temp_exists(dir)) return true;
    if (waitpid(pid, nullptr, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

using sovcap::test::slurp;

int kill_mid_run(const runtest::TempDir& dir, const std::string& out, int sig, int delay_ms) {
  pid_t pid = spawn_run(out, dir / "log.txt");
  EXPECT_TRUE(wait_for_temp(dir, pid)) << slurp(dir / "log.txt");
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST(CrashSafety, SigkillLeavesThePreviousResultIntact) {
  runtest::TempDir dir;
  std::string out = dir / "result.h5";
  std::ofstream(out) << "previous result";
  for (int delay_ms : {0, 150, 400}) {
    int rc = kill_mid_run(dir, out, SIGKILL, delay_ms);
    EXPECT_EQ(rc, 128 + SIGKILL);
    EXPECT_EQ(slurp(out), "previous result") << "killed after " << delay_ms << " ms";
    for (auto& e : fs::directory_iterator(dir.path()))  // what a killed run left
      if (e.path().filename().string().find(".tmp") != std::string::npos) fs::remove(e.path());
  }
}

TEST(CrashSafety, SigintAndSigtermStopCleanly) {
  for (int sig : {SIGINT, SIGTERM}) {
    runtest::TempDir dir;
    std::string out = dir / "result.h5";
    int rc = kill_mid_run(dir, out, sig, 100);
    EXPECT_EQ(rc, 128 + sig) << slurp(dir / "log.txt");
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(temp_exists(dir)) << "the temporary result must be removed";
    EXPECT_NE(slurp(dir / "log.txt").find("signal"), std::string::npos) << slurp(dir / "log.txt");
  }
}
