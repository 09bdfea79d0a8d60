#pragma once
// `sovcap optimize SPEC.yaml -o DIR [-j N] [--resume]`, run by sovcap-optimize (simulator/cli/optimize).
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

// Under an MPI launcher (mpirun, srun) with more than one rank, rank 0 searches and every rank
// runs designs (-j slots each); argc/argv go to MPI_Init. Only sovcap-optimize calls OpenMPI
// (sovcap links SimGrid, whose SMPI exports MPI_Init too): `sovcap optimize` execs it.
int cmd_optimize(const OptimizeArgs& args, int* argc, char*** argv);

}  // namespace sovcap::optimize
