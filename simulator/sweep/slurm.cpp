#include "simulator/sweep/slurm.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace sovcap::sweep {
namespace {

// Single-quoted for the shell.
std::string sh(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string slurm_script(const std::string& exe, const std::string& spec, const std::string& dir, long points) {
  namespace fs = std::filesystem;
  std::string e = fs::absolute(exe).lexically_normal().string();
  std::string s = fs::absolute(spec).lexically_normal().string();
  std::string d = fs::absolute(dir).lexically_normal().string();
  return fmt::format(R"SH(#!/bin/bash
# sovcap sweep of {spec}: {n} points, one Slurm array task each.
#   bash THIS_FILE     submits the array, then the merge once every task has ended
#   sbatch THIS_FILE   submits the array only; merge later with:
#                      {exe} sweep {spec} -o {dir} --merge-only
# Clusters cap array sizes (MaxArraySize, often 1001); add %N to --array to limit
# how many tasks run at once, e.g. --array=0-{last}%50.
#SBATCH --job-name=sovcap-sweep
#SBATCH --array=0-{last}
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --output={dir}/logs/slurm-%A_%a.out
set -euo pipefail
SOVCAP={qexe}
SPEC={qspec}
DIR={qdir}
if [ -n "${{SLURM_ARRAY_TASK_ID:-}}" ]; then
  exec "$SOVCAP" sweep "$SPEC" -o "$DIR" --point "$SLURM_ARRAY_TASK_ID" --quiet
fi
jid=$(sbatch --parsable "$0")
sbatch --dependency=afterany:"${{jid%%;*}}" --job-name=sovcap-merge --ntasks=1 \
  --output="$DIR/logs/slurm-merge-%j.out" \
  --wrap "$(printf '%q ' "$SOVCAP" sweep "$SPEC" -o "$DIR" --merge-only)"
echo "submitted array job $jid and its merge; results in $DIR/summary.csv"
)SH",
                     fmt::arg("spec", s), fmt::arg("n", points), fmt::arg("exe", e), fmt::arg("dir", d),
                     fmt::arg("last", points - 1), fmt::arg("qexe", sh(e)), fmt::arg("qspec", sh(s)), fmt::arg("qdir", sh(d)));
}

}  // namespace sovcap::sweep
