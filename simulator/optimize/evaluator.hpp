#pragma once
// Evaluates designs as separate `sovcap run --kpis-only` runs through the sweep runner
// (sweep::run_local, -j slots): a design on every seed (common random numbers: the same seeds
// for every design) and every screening window. Runs already in the archive (a resumed search
// replays the same requests) or left finished on disk by a killed one are not run again.
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "simulator/optimize/archive.hpp"
#include "simulator/optimize/spec.hpp"
#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/layout.hpp"

namespace sovcap::optimize {

// A design's KPIs combined over its runs: per seed the mean over windows, then over seeds by
// the spec's rule. Values for the objectives and constraints, in spec order.
struct Score {
  long design = -1;
  std::vector<std::string> values;   // decision texts
  std::vector<double> objectives;    // in the KPIs' own sense (not negated)
  std::vector<double> constraints;
  double violation = 0;              // total (0 = feasible); kFailedViolation if a run failed
  bool failed = false;
  bool feasible() const { return violation == 0; }
};

// A KPI named by the spec is in no result (exit 2, at the spec's line).
struct MissingKpi : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The sweep spec every run of a search is started with: the base, the fixed overrides, --kpis-only.
sweep::SweepSpec runs_spec(const Spec& spec);

class Evaluator {
 public:
  // Runs a batch's pending points to their end: sweep::run_local by default; under MPI, the
  // ranks' batches (sweep::MpiBatches).
  using Runner = std::function<sweep::RunCounts(const sweep::SweepRun&, std::deque<long>)>;

  Evaluator(const Spec& spec, std::string dir, std::string exe, int jobs, bool quiet);
  void set_runner(Runner r) { runner_ = std::move(r); }

  // Reads the archive of a resumed search; returns its row count.
  size_t resume();
  // Scores the designs (decision texts per variable) of one batch; `phase` "screening" runs the
  // screening windows, "full" the scenario's own horizon. Throws on SIGINT/SIGTERM (sweep's
  // interrupt), MissingKpi.
  std::vector<Score> evaluate(const std::vector<std::vector<std::string>>& designs, const std::string& phase,
                              long generation);

  const Archive& archive() const { return archive_; }
  long runs_done() const { return static_cast<long>(archive_.rows().size()); }
  long runs_started() const { return started_; }
  long design_id(const std::vector<std::string>& values);
  int interrupted() const { return signal_; }

 private:
  std::string run_key(const std::string& phase, const std::string& window, uint64_t seed,
                      const std::vector<std::string>& values) const;
  std::vector<std::string> windows(const std::string& phase) const;
  void check_kpis() const;

  const Spec& spec_;
  std::string dir_, exe_;
  int jobs_;
  bool quiet_;
  Archive archive_;
  sweep::SweepDir runs_;
  std::map<std::string, long> designs_;      // decision texts -> design id
  std::map<std::string, long> run_ids_;      // run key -> run id (in request order)
  std::map<long, size_t> row_of_run_;        // run id -> archive row
  long started_ = 0;
  int signal_ = 0;
  Runner runner_;
};

}  // namespace sovcap::optimize
