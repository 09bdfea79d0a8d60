#include "simulator/cli/commands.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "simulator/config/describe.hpp"
#include "simulator/config/diagnostics.hpp"
#include "simulator/config/loader.hpp"
#include "simulator/engine/run.hpp"
#include "simulator/engine/signals.hpp"
#include "simulator/output/schema_printer.hpp"
#include "simulator/output/summary_printer.hpp"

namespace fs = std::filesystem;

namespace sovcap::cli {
namespace {

std::vector<std::string> all_overrides(const RunArgs& a) {
  auto out = a.overrides;
  if (!a.seed.empty()) out.push_back("seed=" + a.seed);
  if (!a.duration.empty()) out.push_back("duration=" + a.duration);
  return out;
}

std::string default_output(const std::string& config) {
  return (fs::path("results") / fs::path(config).stem()).string() + ".h5";
}

}  // namespace

int cmd_check(const RunArgs& a) {
  try {
    auto sc = config::load_scenario(a.config, all_overrides(a));
    std::cout << (a.yaml ? sc.resolved_yaml : config::describe(sc));
    return 0;
  } catch (const config::ConfigError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}

int cmd_run(const RunArgs& a) {
  engine::install_signal_handlers();  // from the start: a signal while loading still ends cleanly
  config::Scenario sc;
  try {
    sc = config::load_scenario(a.config, all_overrides(a));
  } catch (const config::ConfigError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  std::string out = a.output.empty() ? default_output(a.config) : a.output;
  std::error_code ec;
  auto dir = fs::path(out).parent_path();
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (ec || (!dir.empty() && !fs::is_directory(dir))) {
    std::cerr << "sovcap: error: cannot create the directory of '" << out << "': " << ec.message() << "\n";
    return 2;
  }
  try {
    engine::RunOptions opt;
    opt.output_path = out;
    opt.progress = !a.quiet && isatty(STDERR_FILENO);
    opt.local_calendar = a.engine != "actors";
    opt.kpis_only = a.kpis_only;
    auto stats = engine::run_scenario(sc, opt);
    if (a.quiet) return 0;
    std::cout << "wrote " << out << " (" << stats.jobs_submitted << " jobs, " << stats.wall_s << " s, " << stats.comms << " SimGrid activities)\n";
    return output::print_summary(out, false, std::cout, std::cerr) == 0 ? 0 : 1;
  } catch (const engine::Interrupted& e) {
    std::cerr << "sovcap: stopped by signal " << e.signal << "; no result written to " << out << "\n";
    return 128 + e.signal;
  } catch (const std::exception& e) {
    std::cerr << "sovcap: error: run failed: " << e.what() << "; " << out << " untouched\n";
    return 1;
  }
}

int cmd_summary(const std::string& file, bool json) { return output::print_summary(file, json, std::cout, std::cerr); }

int cmd_schema(bool json, bool markdown) {
  std::cout << (json ? output::format_schema_json()
                     : markdown ? output::format_schema_markdown_all() : output::format_schema_text());
  return 0;
}

}  // namespace sovcap::cli
