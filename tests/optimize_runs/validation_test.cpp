// sovcap optimize end to end on a small problem with a known answer (tests/data/optimize):
// - its front matches or dominates the non-dominated set of an exhaustive grid (231 runs of
//   `sovcap sweep`) within a 5 % hypervolume gap, the hypervolume computed here independently
//   of pagmo (a 2-D staircase) against the grid's nadir pushed out by a tenth of its range;
// - the same spec and seed give the same archive, byte for byte (-j 2: runs finish in any order);
// - killed by SIGTERM mid-way and resumed, it gives the same archive and front as uninterrupted;
// - a bad spec exits 2 and writes nothing.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "tests/common/file_bytes.hpp"
#include "tests/common/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

std::string data(const std::string& name) { return std::string(SOVCAP_SOURCE_DIR) + "/tests/data/optimize/" + name; }

int sh(const std::string& cmd) {
  int st = std::system((cmd + " > /dev/null 2>&1").c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

using sovcap::test::slurp;

// Columns of a CSV (no quoted commas in the columns read here).
std::vector<std::map<std::string, std::string>> read_csv(const std::string& p) {
  std::ifstream in(p);
  std::string line;
  std::vector<std::string> head;
  std::vector<std::map<std::string, std::string>> rows;
  auto split = [](const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : s) {
      if (c == ',')
        out.emplace_back();
      else
        out.back().push_back(c);
    }
    return out;
  };
  if (std::getline(in, line)) head = split(line);
  while (std::getline(in, line)) {
    auto f = split(line);
    std::map<std::string, std::string> r;
    for (size_t i = 0; i < head.size() && i < f.size(); ++i) r[head[i]] = f[i];
    rows.push_back(r);
  }
  return rows;
}

using P = std::pair<double, double>;

// The area dominated by 2-D points (both minimised) up to ref: sort by the first, sweep the second.
double hv2(std::vector<P> pts, P ref) {
  std::sort(pts.begin(), pts.end());
  double area = 0, best_y = ref.second;
  for (auto [x, y] : pts) {
    if (x >= ref.first || y >= best_y) continue;
    area += (ref.first - x) * (best_y - y);
    best_y = y;
  }
  return area;
}

class OptimizeRuns : public ::testing::Test {
 protected:
  std::string out(const std::string& n) const { return dir_ / n; }
  sovcap::test::TempDir dir_;
};

TEST_F(OptimizeRuns, FrontMatchesTheGridWithinAFivePercentHypervolumeGap) {
  ASSERT_EQ(sh(std::string(SOVCAP_BINARY) + " sweep " + data("grid.yaml") + " -j 2 --quiet -o " + out("grid")), 0);
  ASSERT_EQ(sh(std::string(SOVCAP_BINARY) + " optimize " + data("small.yaml") + " -j 2 -q -o " + out("opt")), 0);
  std::vector<P> grid, front;
  for (auto& r : read_csv(out("grid") + "/summary.csv")) {
    ASSERT_EQ(r["status"], "ok");
    ASSERT_EQ(std::stod(r["unserved_mwh"]), 0.0);  // the constraint holds everywhere: the oracle needs no filter
    grid.emplace_back(std::stod(r["carbon_t"]), std::stod(r["wait_mean_s"]));
  }
  ASSERT_EQ(grid.size(), 231u);
  for (auto& r : read_csv(out("opt") + "/front.csv")) front.emplace_back(std::stod(r["obj.carbon_t"]), std::stod(r["obj.wait_mean_s"]));
  ASSERT_GE(front.size(), 3u);
  P lo{INFINITY, INFINITY}, hi{-INFINITY, -INFINITY};
  for (auto [x, y] : grid) {
    lo = {std::min(lo.first, x), std::min(lo.second, y)};
    hi = {std::max(hi.first, x), std::max(hi.second, y)};
  }
  P ref{hi.first + 0.1 * (hi.first - lo.first), hi.second + 0.1 * (hi.second - lo.second)};
  double h_grid = hv2(grid, ref), h_opt = hv2(front, ref);
  std::cout << "hypervolume: grid " << h_grid << ", optimiser " << h_opt << " (gap " << 1 - h_opt / h_grid << ")\n";
  EXPECT_GE(h_opt, 0.95 * h_grid);
  // The front's own hypervolume.csv grows with the generations (the archive only adds designs).
  auto hv = read_csv(out("opt") + "/hypervolume.csv");
  ASSERT_EQ(hv.size(), 7u);
  for (size_t g = 1; g < hv.size(); ++g) EXPECT_GE(std::stod(hv[g]["hypervolume"]), std::stod(hv[g - 1]["hypervolume"]));
  // Every design of the archive ran on the seed, with every KPI.
  auto arch = read_csv(out("opt") + "/archive.csv");
  EXPECT_GE(arch.size(), 12u);
  for (auto& r : arch) EXPECT_FALSE(r["carbon_t"].empty());
}

TEST_F(OptimizeRuns, SameSpecSameArchiveAndAKilledSearchResumesToTheSameFront) {
  std::string cmd = std::string(SOVCAP_BINARY) + " optimize " + data("quick.yaml") + " -j 2 -q -o ";
  ASSERT_EQ(sh(cmd + out("a")), 0);
  ASSERT_EQ(sh(cmd + out("b")), 0);
  EXPECT_EQ(slurp(out("a") + "/archive.csv"), slurp(out("b") + "/archive.csv"));
  EXPECT_EQ(slurp(out("a") + "/front.csv"), slurp(out("b") + "/front.csv"));
  EXPECT_GT(slurp(out("a") + "/archive.csv").size(), 1000u);

  // Kill once a few runs are in the archive.
  pid_t pid = fork();
  if (pid == 0) {
    execl(SOVCAP_BINARY, SOVCAP_BINARY, "optimize", data("quick.yaml").c_str(), "-j", "2", "-q", "-o", out("c").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  auto rows = [&] {
    auto t = slurp(out("c") + "/archive.csv");
    return static_cast<long>(std::count(t.begin(), t.end(), '\n')) - 1;
  };
  auto t0 = std::chrono::steady_clock::now();
  while (rows() < 6 && std::chrono::steady_clock::now() - t0 < std::chrono::minutes(5))
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  long before = rows();
  kill(pid, SIGTERM);
  int st = 0;
  waitpid(pid, &st, 0);
  ASSERT_TRUE(WIFEXITED(st));
  EXPECT_EQ(WEXITSTATUS(st), 143);
  long total = static_cast<long>(read_csv(out("a") + "/archive.csv").size());
  ASSERT_GE(before, 6);
  ASSERT_LT(before, total) << "the search finished before the kill: nothing to resume";
  // Without --resume the directory is refused; with it, the search ends where the uninterrupted one did.
  EXPECT_EQ(sh(cmd + out("c")), 2);
  ASSERT_EQ(sh(cmd + out("c") + " --resume"), 0);
  EXPECT_EQ(slurp(out("a") + "/archive.csv"), slurp(out("c") + "/archive.csv"));
  EXPECT_EQ(slurp(out("a") + "/front.csv"), slurp(out("c") + "/front.csv"));
  EXPECT_EQ(slurp(out("a") + "/hypervolume.csv"), slurp(out("c") + "/hypervolume.csv"));
}

TEST_F(OptimizeRuns, ABadSpecExitsTwoAndWritesNothing) {
  std::ofstream(out("bad.yaml")) << "base: " << SOVCAP_SOURCE_DIR << "/configs/tiny.yaml\nvariables: 3\n";
  EXPECT_EQ(sh(std::string(SOVCAP_BINARY) + " optimize " + out("bad.yaml") + " -o " + out("never")), 2);
  EXPECT_FALSE(fs::exists(out("never")));
  // A changed spec is refused on --resume.
  ASSERT_EQ(sh(std::string(SOVCAP_BINARY) + " optimize " + data("quick.yaml") + " -j 2 -q -o " + out("d")), 0);
  std::ofstream(out("d") + "/spec.yaml", std::ios::app) << "# edited\n";
  EXPECT_EQ(sh(std::string(SOVCAP_BINARY) + " optimize " + data("quick.yaml") + " -j 2 -q --resume -o " + out("d")), 2);
}

// Under mpirun, sovcap execs sovcap-optimize (OpenMPI, no SimGrid): rank 0 searches, both ranks run
// designs (-j 1 each), and the archive, designs, front and hypervolume are those of -j 2, byte for
// byte. A spec error stops every rank with exit 2 (none waits for rank 0 forever).
TEST_F(OptimizeRuns, UnderMpirunTheSameArchiveAsLocal) {
  if (std::system("command -v mpirun > /dev/null 2>&1") != 0) GTEST_SKIP() << "mpirun not found";
  const std::string mpirun = "mpirun --allow-run-as-root --oversubscribe -np 2 ";
  ASSERT_EQ(sh(std::string(SOVCAP_BINARY) + " optimize " + data("quick.yaml") + " -j 2 -q -o " + out("local")), 0);
  ASSERT_EQ(sh(mpirun + SOVCAP_BINARY + " optimize " + data("quick.yaml") + " -q -o " + out("mpi")), 0);
  for (const char* f : {"archive.csv", "designs.csv", "front.csv", "hypervolume.csv", "near_optimal.csv"})
    EXPECT_EQ(slurp(out("local") + "/" + f), slurp(out("mpi") + "/" + f)) << f;
  EXPECT_GT(slurp(out("mpi") + "/archive.csv").size(), 1000u);
  EXPECT_TRUE(fs::is_empty(out("mpi") + "/runs/points"));  // every run's result read into the archive and removed

  std::ofstream(out("bad.yaml")) << "base: " << SOVCAP_SOURCE_DIR << "/configs/tiny.yaml\nvariables: 3\n";
  EXPECT_EQ(sh(mpirun + SOVCAP_BINARY + " optimize " + out("bad.yaml") + " -o " + out("never")), 2);
  EXPECT_FALSE(fs::exists(out("never")));
  // A directory that already holds a search: rank 0 refuses it, and the other rank stops too.
  EXPECT_EQ(sh(mpirun + SOVCAP_BINARY + " optimize " + data("quick.yaml") + " -q -o " + out("mpi")), 2);
}

}  // namespace
