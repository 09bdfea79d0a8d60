#pragma once
// Runs sweep points as concurrent child processes, up to a number of slots,
// and records each outcome on disk (the result file, or a .failed note).
#include <sys/types.h>

#include <string>
#include <vector>

#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/spec.hpp"

namespace sovcap::sweep {

struct PointOutcome {
  long point = -1;
  int exit_code = 0;
  std::string message;  // "" when ok, else why it failed (the log's last line)
  bool ok() const { return exit_code == 0 && message.empty(); }
};

// `EXE run BASE -o RESULT --set K=V... --seed S --quiet [--kpis-only]`: fixed overrides
// first, then the point's own.
std::vector<std::string> run_command(const std::string& exe, const std::string& base, const Overrides& fixed,
                                     const Point& p, const std::string& result, bool kpis_only = false);

class LocalPool {
 public:
  LocalPool(std::string exe, const SweepSpec& spec, SweepDir dir, int slots);
  ~LocalPool();  // stops what is still running
  LocalPool(const LocalPool&) = delete;
  LocalPool& operator=(const LocalPool&) = delete;

  bool has_slot() const { return static_cast<int>(running_.size()) < slots_; }
  size_t running() const { return running_.size(); }
  // Start a point; its old result, failure note and log are removed first.
  void start(const Point& p);
  // The points that ended since the last call (does not block).
  std::vector<PointOutcome> reap();
  // SIGTERM (then SIGKILL) to every running point; their temp files are removed.
  void stop_all();

 private:
  struct Running {
    pid_t pid;
    long point;
  };
  PointOutcome finish(long point, int exit_code);
  std::string exe_;
  const SweepSpec& spec_;
  SweepDir dir_;
  int slots_;
  std::vector<Running> running_;
};

// Run one point to its end in the foreground (for --point and sizing probes).
PointOutcome run_point_blocking(const std::string& exe, const SweepSpec& spec, const SweepDir& dir, const Point& p);

}  // namespace sovcap::sweep
