#pragma once
// A Slurm array-job script for a sweep: one array task per point
// (`sovcap sweep SPEC -o DIR --point $SLURM_ARRAY_TASK_ID`), and, when the
// script is run with bash instead of sbatch, it submits itself and then the
// merge (`--merge-only`) to start once every task has ended.
#include <string>

namespace sovcap::sweep {

// Absolute paths are used, so the script works from any directory.
std::string slurm_script(const std::string& exe, const std::string& spec, const std::string& dir, long points);

}  // namespace sovcap::sweep
