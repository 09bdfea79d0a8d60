#pragma once
// Errors in a scenario, each naming its place: FILE:LINE:COL: error: KEY.PATH: what (allowed).
#include <stdexcept>
#include <string>
#include <vector>

namespace sovcap::config {

struct Diagnostic {
  std::string file;      // the YAML file, or "--set" for a command-line override
  int line = 0;          // 1-based; 0 = the whole file (e.g. it cannot be read)
  int column = 0;        // 1-based
  std::string key_path;  // e.g. "sites.dakhla.battery.energy"; may be empty
  std::string message;   // what is wrong
  std::string allowed;   // what is allowed; may be empty
  // `FILE:LINE:COL: error: KEY.PATH: message (allowed)`. Empty parts are left
  // out with their separators; line 0 prints `FILE: error: ...`.
  std::string format() const;
};

class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<Diagnostic> diags);
  std::vector<Diagnostic> diagnostics;
};

}  // namespace sovcap::config
