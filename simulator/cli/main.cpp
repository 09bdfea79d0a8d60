// sovcap: the command line. Parsing and exit codes only; the work is elsewhere.
#include <CLI/CLI.hpp>

#include <iostream>

#include "simulator/cli/empty_values.hpp"
#include "simulator/cli/commands.hpp"
#include "simulator/cli/sweep_options.hpp"
#include "simulator/cli/exec_beside.hpp"
#include "simulator/cli/optimize_options.hpp"
#include "simulator/sweep/commands.hpp"
#include "sovcap_version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"sovcap: discrete-event simulator of sovereign AI data-centre capacity"};
  app.set_version_flag("--version", std::string("sovcap ") + SOVCAP_VERSION);
  app.require_subcommand(1);

  sovcap::cli::RunArgs run;
  auto* run_cmd = app.add_subcommand("run", "Simulate a scenario and write its results to HDF5");
  run_cmd->add_option("config", run.config, "Scenario YAML (e.g. configs/morocco-2030.yaml)")->required();
  run_cmd->add_option("-o,--output", run.output, "Result file (default: results/<config name>.h5)");
  run_cmd->add_option("--set", run.overrides, "Override a key: KEY.PATH=VALUE (repeatable; lists by index or id)");
  run_cmd->add_option("--seed", run.seed, "Random seed (overrides the scenario's)");
  run_cmd->add_option("--duration", run.duration, "Simulated duration, e.g. 30d, 1y");
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print nothing but errors");
  run_cmd->add_flag("--kpis-only", run.kpis_only,
                    "Evaluation mode: write the summary only (no /timeseries, no /jobs); same KPIs, faster");
  run_cmd->add_option("--engine", run.engine,
                      "auto: arrivals, pools and backbone transfers (fluid flows, SimGrid's sharing rule) run from "
                      "one calendar; actors: one SimGrid actor per region and site, transfers as SimGrid comms "
                      "(the reference: the same jobs to 1e-6 s, about 3x slower when data moves)")
      ->check(CLI::IsMember({"auto", "actors"}))
      ->default_str("auto");

  sovcap::cli::RunArgs check;
  auto* check_cmd = app.add_subcommand("check", "Validate a scenario and print it resolved");
  check_cmd->add_option("config", check.config, "Scenario YAML")->required();
  check_cmd->add_option("--set", check.overrides, "Override a key: KEY.PATH=VALUE (repeatable)");
  check_cmd->add_option("--seed", check.seed, "Random seed");
  check_cmd->add_option("--duration", check.duration, "Simulated duration");
  check_cmd->add_flag("--yaml", check.yaml, "Print the resolved scenario as YAML");

  std::string summary_file;
  bool summary_json = false;
  auto* summary_cmd = app.add_subcommand("summary", "Print the KPI table of a finished run");
  summary_cmd->add_option("file", summary_file, "Result file (.h5)")->required();
  summary_cmd->add_flag("--json", summary_json, "JSON instead of a table");

  bool schema_json = false, schema_markdown = false, schema_keys = false;
  auto* schema_cmd = app.add_subcommand(
      "schema", "Print the result schema: every figure's name, unit, type and label (--keys: every scenario key)");
  auto* schema_json_opt = schema_cmd->add_flag("--json", schema_json, "JSON (what the Python tools read)");
  schema_cmd->add_flag("--markdown", schema_markdown, "The Markdown tables of docs/results.md (with --keys: of docs/config.md)")
      ->excludes(schema_json_opt);
  schema_cmd->add_flag("--keys", schema_keys, "The scenario keys: name, type, unit, default, allowed values, meaning");

  sovcap::sweep::SweepArgs sw;
  auto* sweep_cmd = sovcap::cli::add_sweep_command(app, sw);

  sovcap::sweep::SizeArgs sz;
  auto* size_cmd = app.add_subcommand("size", "Find the smallest value of a parameter that meets KPI targets");
  size_cmd->add_option("config", sz.config, "Scenario YAML")->required();
  size_cmd->add_option("--param", sz.param, "Key to size, e.g. sites.dakhla.battery.energy")->required();
  size_cmd->add_option("--lo", sz.lo, "Lower bound of the search")->required();
  size_cmd->add_option("--hi", sz.hi, "Upper bound of the search")->required();
  size_cmd->add_option("--unit", sz.unit, "Unit appended to the value (e.g. MWh)");
  size_cmd->add_option("--target", sz.targets, "KPI target, e.g. unserved_mwh<=0 (repeatable)")->required();
  size_cmd->add_option("--seeds", sz.seeds, "Replications per value (default 3)")->check(CLI::PositiveNumber);
  size_cmd->add_option("--tol", sz.tol, "Stop when hi - lo <= tol (default (hi-lo)/100)");
  size_cmd->add_option("-j,--jobs", sz.jobs, "Concurrent runs")->check(CLI::PositiveNumber);
  size_cmd->add_option("--set", sz.overrides, "Override a key: KEY.PATH=VALUE (repeatable)");
  size_cmd->add_flag("-q,--quiet", sz.quiet, "Print nothing but errors");

  sovcap::optimize::OptimizeArgs opt;
  auto* opt_cmd = sovcap::cli::add_optimize_command(app, opt);

  try {
    app.parse(argc, argv);
    sovcap::cli::reject_empty_values(app);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // usage errors are bad input
  }
  if (*run_cmd) return sovcap::cli::cmd_run(run);
  if (*check_cmd) return sovcap::cli::cmd_check(check);
  if (*sweep_cmd) return sovcap::sweep::cmd_sweep(sw, &argc, &argv);
  if (*size_cmd) return sovcap::sweep::cmd_size(sz);
  if (*opt_cmd) return sovcap::cli::exec_beside("sovcap-optimize", argv);  // pagmo and MPI live there
  if (*summary_cmd) return sovcap::cli::cmd_summary(summary_file, summary_json);
  if (*schema_cmd) return sovcap::cli::cmd_schema(schema_json, schema_markdown, schema_keys);
  return 2;
}
