// sovcap: the command line. Parsing and exit codes only; the work is elsewhere.
#include <CLI/CLI.hpp>

#include <iostream>

#include "simulator/cli/commands.hpp"
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;  // usage errors are bad input
  }
  if (*run_cmd) return sovcap::cli::cmd_run(run);
  if (*check_cmd) return sovcap::cli::cmd_check(check);
  if (*summary_cmd) return sovcap::cli::cmd_summary(summary_file, summary_json);
  return 2;
}
