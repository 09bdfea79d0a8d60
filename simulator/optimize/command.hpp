#pragma once
// `sovcap optimize SPEC.yaml -o DIR [-j N] [--resume]`, called by simulator/cli/main.cpp.
// Returns the exit code: 0 ok; 1 a failure while running; 2 bad input or usage; 130/143
// interrupted (finished runs are kept in DIR/archive.csv: rerun with --resume).
#include <string>

namespace sovcap::optimize {

struct OptimizeArgs {
  std::string spec, out_dir = "results/optimize";
  int jobs = 1;
  bool resume = false;
  bool quiet = false;
  std::string self_exe;  // the sovcap binary to run designs with; "" = /proc/self/exe
};

int cmd_optimize(const OptimizeArgs& args);

}  // namespace sovcap::optimize
