#pragma once
#include <string>
#include <vector>

namespace sovcap::cli {

struct RunArgs {
  std::string config;
  std::string output;
  std::vector<std::string> overrides;
  std::string seed;
  std::string duration;
  bool quiet = false;
  std::string engine = "auto";  // auto | actors (RunOptions::local_calendar)
  bool yaml = false;
  bool kpis_only = false;  // RunOptions::kpis_only
};

// Each returns the process exit code: 0 ok, 1 failure while running, 2 bad input,
// 130/143 interrupted by SIGINT/SIGTERM.
int cmd_run(const RunArgs& args);
int cmd_check(const RunArgs& args);
int cmd_summary(const std::string& file, bool json);
// `sovcap schema`: the registry of results as text, JSON or Markdown. Always 0.
int cmd_schema(bool json, bool markdown, bool keys);

}  // namespace sovcap::cli
