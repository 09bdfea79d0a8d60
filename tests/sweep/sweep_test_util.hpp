#pragma once
// Helpers for the sweep tests: scratch directories, files, and running this
// test binary as a fake `sovcap` (see fake_sovcap.cpp).
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "simulator/sweep/child_process.hpp"
#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/layout.hpp"
#include "tests/common/temp_dir.hpp"

namespace sovcap::sweep::test {

namespace fs = std::filesystem;

using sovcap::test::TempDir;

inline std::string self() { return self_executable(); }

// Start this binary with args (stdout+stderr to log); returns the pid.
inline pid_t start(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> argv = {self()};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn_logged(argv, log);
}

inline int wait_for(pid_t pid) {
  int st = 0;
  ::waitpid(pid, &st, 0);
  return exit_code_of(st);
}

// Run this binary with args to the end; its output in *out.
inline int run_self(const std::vector<std::string>& args, const std::string& log, std::string* out = nullptr) {
  int code = wait_for(start(args, log));
  if (out) *out = read_text_file(log);
  return code;
}

inline long count_lines(const std::string& path) {
  std::ifstream in(path);
  std::string l;
  long n = 0;
  while (std::getline(in, l)) ++n;
  return n;
}

}  // namespace sovcap::sweep::test
