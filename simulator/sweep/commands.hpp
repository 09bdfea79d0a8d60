#pragma once
// Entry points of `sovcap sweep` and `sovcap size`, called by simulator/cli/main.cpp.
// Each returns the process exit code: 0 ok; 1 a failure while running (for a
// sweep: some points failed, the summary is still written; for sizing: a run
// failed, or the targets are not met even at hi); 2 bad input or usage;
// 130/143 interrupted by SIGINT/SIGTERM (finished points are kept).
#include <string>
#include <vector>

namespace sovcap::sweep {

struct SweepArgs {
  std::string spec, out_dir = "results/sweep";
  int jobs = 1;             // concurrent points per process (per rank under MPI)
  bool resume = false;      // keep finished points, rerun the others
  bool merge_only = false;  // only (re)write summary.csv and summary.h5
  long point = -1;          // run this one point only (a Slurm array task)
  std::string slurm;        // write a Slurm array-job script here and stop
  bool quiet = false;
  std::string self_exe;     // the sovcap binary to run points with; "" = /proc/self/exe
};

// Under `mpirun -np N` (N > 1) the ranks share the points: rank 0 hands them
// out one at a time and writes the summary. argc/argv go to MPI_Init.
int cmd_sweep(const SweepArgs& args, int* argc, char*** argv);

struct SizeArgs {
  std::string config, param, unit;
  double lo = 0, hi = 0, tol = 0;             // tol 0 = (hi - lo) / 100
  std::vector<std::string> targets, overrides;  // "KPI<=X"; "KEY.PATH=VALUE"
  int seeds = 3, jobs = 1;
  bool quiet = false;
  std::string self_exe;
};

int cmd_size(const SizeArgs& args);

}  // namespace sovcap::sweep
