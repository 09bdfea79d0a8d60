#pragma once
// Running the sovcap binary from a test, in a fresh temporary directory.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/common/temp_dir.hpp"

namespace runtest {

struct Result {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

inline Result sh(const std::string& cmd) {
  Result r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

inline std::string sovcap() { return SOVCAP_BINARY; }
inline std::string config(const std::string& name) { return std::string(SOVCAP_SOURCE_DIR) + "/configs/" + name; }

using sovcap::test::TempDir;

}  // namespace runtest
