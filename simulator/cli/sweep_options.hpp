#pragma once
// The options of `sovcap sweep`, shared by sovcap and sovcap-mpi-sweep so both parse alike.
#include <CLI/CLI.hpp>

#include "simulator/sweep/commands.hpp"

namespace sovcap::cli {

inline CLI::App* add_sweep_command(CLI::App& app, sweep::SweepArgs& sw) {
  auto* cmd = app.add_subcommand("sweep", "Run every point of a sweep spec (locally with -j, or under mpirun)");
  cmd->add_option("spec", sw.spec, "Sweep spec YAML (e.g. configs/sweeps/dakhla-battery.yaml)")->required();
  cmd->add_option("-o,--output", sw.out_dir, "Output directory (default: results/sweep)");
  cmd->add_option("-j,--jobs", sw.jobs, "Concurrent points per process")->check(CLI::PositiveNumber);
  cmd->add_flag("--resume", sw.resume, "Keep finished points, run the others");
  cmd->add_flag("--merge-only", sw.merge_only, "Only rewrite summary.csv and summary.h5");
  cmd->add_option("--point", sw.point, "Run only this point (a Slurm array task)");
  cmd->add_option("--slurm", sw.slurm, "Write a Slurm array-job script here and stop");
  cmd->add_flag("-q,--quiet", sw.quiet, "Print nothing but errors");
  return cmd;
}

}  // namespace sovcap::cli
