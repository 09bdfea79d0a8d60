#pragma once
// Scenario files written by a test into its own temporary directory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "simulator/config/loader.hpp"
#include "tests/common/temp_dir.hpp"

namespace cfgtest {

using sovcap::test::TempDir;

inline std::string config(const std::string& name) { return std::string(SOVCAP_SOURCE_DIR) + "/configs/" + name; }

// The diagnostics of loading path, or a failure if it loads.
inline std::vector<sovcap::config::Diagnostic> errors_of(const std::string& path, const std::vector<std::string>& overrides = {}) {
  try {
    sovcap::config::load_scenario(path, overrides);
  } catch (const sovcap::config::ConfigError& e) {
    return e.diagnostics;
  }
  ADD_FAILURE() << path << " loaded without error";
  return {};
}

// A minimal valid scenario, to which tests append or in which they replace lines.
inline const char* kMinimal =
    "scenario:\n"                                     // 1
    "  duration: 1d\n"                                // 2
    "sites:\n"                                        // 3
    "  - id: alpha\n"                                 // 4
    "    latitude: 32\n"                              // 5
    "    longitude: -7\n"                             // 6
    "    pools:\n"                                    // 7
    "      - {kind: gpu, nodes: 4}\n"                 // 8
    "regions:\n"                                      // 9
    "  - {id: north, latitude: 34, longitude: -6}\n"  // 10
    "network:\n"                                      // 11
    "  links:\n"                                      // 12
    "    - {a: north, b: alpha}\n"                    // 13
    "classes:\n"                                      // 14
    "  - id: train\n"                                 // 15
    "    rate: 2\n"                                   // 16
    "    units: {type: constant, value: 8}\n"         // 17
    "    runtime: {type: exponential, mean: 1h}\n";   // 18

// base with line n (1-based) replaced by text (which may hold several lines).
inline std::string replace_line(const std::string& base, int n, const std::string& text) {
  std::string out;
  size_t pos = 0;
  for (int line = 1; pos < base.size(); ++line) {
    size_t end = base.find('\n', pos);
    out += line == n ? text + "\n" : base.substr(pos, end - pos + 1);
    pos = end + 1;
  }
  return out;
}

}  // namespace cfgtest
