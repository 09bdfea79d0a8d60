#include "simulator/cli/commands.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "simulator/config/describe.hpp"
#include "simulator/config/diagnostics.hpp"
#include "simulator/config/loader.hpp"
#include "simulator/config/regular_file.hpp"
#include "simulator/engine/run.hpp"
#include "simulator/engine/signals.hpp"
#include "simulator/config/key_printer.hpp"
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

// Why the result must not go to out, or "". The result replaces out by a rename:
// that must never be a device (as root, -o /dev/null would replace the system's),
// a FIFO, a directory, or a file the scenario was read from.
std::string refuse_output(const std::string& out, const std::string& config) {
  if (std::string what = config::not_writable_as_file(out); !what.empty())
    return "is " + what + "; results are written only to regular files or new paths";
  if (config::same_file(out, config)) return "is the scenario itself; give another result file";
  for (const auto& in : config::input_files())
    if (config::same_file(out, in)) return "is " + in + ", an input of the scenario; give another result file";
  return "";
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
  if (std::string why = refuse_output(out, a.config); !why.empty()) {
    std::cerr << "sovcap: error: -o " << out << ": " << why << "\n";
    return 2;
  }
  std::error_code ec;
  auto dir = fs::path(out).parent_path();
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (ec || (!dir.empty() && !fs::is_directory(dir))) {
    std::cerr << "sovcap: error: cannot create the directory of '" << out << "': " << ec.message() << "\n";
    return 2;
  }
  if (sc.swf_trace && !a.quiet) {  // skipped records are reported, never dropped silently (also in /trace)
    auto rep = workload::select_swf(*sc.swf_trace, sc.swf, sc.duration_s).report;
    if (rep.total_skipped() > 0) std::cerr << "sovcap: warning: " << rep.text(sc.trace_path) << "\n";
  }
  try {
    engine::RunOptions opt;
    opt.output_path = out;
    opt.progress = !a.quiet && isatty(STDERR_FILENO);
    opt.local_calendar = a.engine != "actors";
    opt.kpis_only = a.kpis_only;
    auto stats = engine::run_scenario(sc, opt);
    if (a.quiet) return 0;
    std::cout << "wrote " << out << " (" << stats.jobs_submitted << " jobs, " << stats.wall_s << " s, " << stats.comms << " transfers)\n";
    return output::print_summary(out, false, std::cout, std::cerr) == 0 ? 0 : 1;
  } catch (const engine::Interrupted& e) {
    std::cerr << "sovcap: stopped by signal " << e.signal << "; no result written to " << out << "\n";
    return 128 + e.signal;
  } catch (const std::exception& e) {
    std::string why = e.what();  // HDF5's details hold newlines: one line
    std::replace(why.begin(), why.end(), '\n', ' ');
    std::cerr << "sovcap: error: run failed: " << why << "; " << out << " untouched\n";
    return 1;
  }
}

int cmd_summary(const std::string& file, bool json) { return output::print_summary(file, json, std::cout, std::cerr); }

int cmd_schema(bool json, bool markdown, bool keys) {
  if (keys)
    std::cout << (json ? config::format_keys_json() : markdown ? config::format_keys_markdown_all() : config::format_keys_text());
  else
    std::cout << (json ? output::format_schema_json()
                       : markdown ? output::format_schema_markdown_all() : output::format_schema_text());
  return 0;
}

}  // namespace sovcap::cli
