#pragma once
// The options of `sovcap optimize`, shared by sovcap (which checks them, then execs
// sovcap-optimize) and sovcap-optimize (which runs the search), so both parse alike.
#include <CLI/CLI.hpp>

#include "simulator/optimize/command.hpp"

namespace sovcap::cli {

inline CLI::App* add_optimize_command(CLI::App& app, optimize::OptimizeArgs& opt) {
  auto* cmd = app.add_subcommand("optimize",
                                 "Search design choices for the best trade-offs between KPIs (NSGA-II, MOEA/D; "
                                 "locally with -j, or under mpirun)");
  cmd->add_option("spec", opt.spec, "Optimisation spec YAML (e.g. configs/optimize/dakhla-design.yaml)")->required();
  cmd->add_option("-o,--output", opt.out_dir, "Output directory (default: results/optimize)");
  cmd->add_option("-j,--jobs", opt.jobs, "Concurrent runs per process (per rank under mpirun)")->check(CLI::PositiveNumber);
  cmd->add_flag("--resume", opt.resume, "Continue a search: finished runs are read from DIR/archive.csv");
  cmd->add_flag("-q,--quiet", opt.quiet, "Print nothing but errors");
  return cmd;
}

}  // namespace sovcap::cli
