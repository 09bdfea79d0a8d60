#pragma once
// A whole file's bytes, read or written by a test.
#include <fstream>
#include <sstream>
#include <string>

namespace sovcap::test {

// "" when the file cannot be read.
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace sovcap::test
