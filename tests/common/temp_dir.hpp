#pragma once
// The one temporary directory of the C++ tests: fresh per test (mkdtemp, named
// for the test), removed with everything in it at the end.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace sovcap::test {

class TempDir {
 public:
  TempDir() {
    std::string name = "sovcap-test";
    if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info())
      name = "sovcap-" + std::string(info->test_suite_name()) + "-" + info->name();
    for (char& c : name)
      if (c == '/') c = '_';  // parameterised tests' names hold slashes
    std::string pattern = (std::filesystem::temp_directory_path() / (name + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary directory " + pattern);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // A file or directory inside: dir / "a.yaml", or dir.path("a.yaml").
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  std::string path(const std::string& name) const { return *this / name; }
  // Writes text to name inside the directory; returns its full path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::string p = *this / name;
    std::ofstream(p) << text;
    return p;
  }

 private:
  std::string path_;
};

}  // namespace sovcap::test
