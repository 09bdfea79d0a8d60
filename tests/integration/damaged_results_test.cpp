// `sovcap summary` reads results defensively: a file that is not a sovcap
// result, or one that is damaged (truncated, overwritten in places), gives one
// line naming the file and exit 2, never a crash or a page of HDF5 errors.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_helpers.hpp"
#include "tests/common/file_bytes.hpp"

namespace fs = std::filesystem;
using runtest::sh;

namespace {

using sovcap::test::slurp;
using sovcap::test::write_bytes;

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// exit 2 and one line naming the file, for the table and for --json.
void expect_one_line_error(const std::string& file) {
  for (const char* json : {"", " --json"}) {
    auto r = sh(runtest::sovcap() + " summary " + file + json);
    EXPECT_EQ(r.exit_code, 2) << file << json << ":\n" << r.output;
    EXPECT_EQ(lines(r.output), 1u) << file << json << ":\n" << r.output;
    EXPECT_NE(r.output.find(file), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("HDF5-DIAG"), std::string::npos) << r.output;
  }
}

std::string good_result(const runtest::TempDir& dir) {
  std::string out = dir / "good.h5";
  auto r = sh(runtest::sovcap() + " run " + runtest::config("tiny.yaml") + " --duration 6h --quiet -o " + out);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  auto s = sh(runtest::sovcap() + " summary " + out);
  EXPECT_EQ(s.exit_code, 0) << s.output;  // so that the damage below is what fails
  return out;
}

}  // namespace

TEST(DamagedResults, FilesThatAreNotSovcapResults) {
  runtest::TempDir dir;
  write_bytes(dir / "empty.h5", "");
  write_bytes(dir / "text.h5", "a result, honestly\n");
  write_bytes(dir / "signature-only.h5", std::string("\x89HDF\r\n\x1a\n", 8));
  hid_t f = H5Fcreate((dir / "plain.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  H5Fclose(f);
  fs::create_directories(dir / "dir.h5");
  for (const char* name : {"empty.h5", "text.h5", "signature-only.h5", "plain.h5", "dir.h5", "missing.h5"})
    expect_one_line_error(dir / name);
  auto r = sh(runtest::sovcap() + " summary " + (dir / "plain.h5"));
  EXPECT_NE(r.output.find("not a sovcap result"), std::string::npos) << r.output;
}

TEST(DamagedResults, TruncatedResultsAtManyLengths) {
  runtest::TempDir dir;
  std::string bytes = slurp(good_result(dir));
  ASSERT_GT(bytes.size(), 4096u);
  for (double keep : {0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
    std::string cut = dir / ("cut-" + std::to_string(static_cast<int>(keep * 100)) + ".h5");
    write_bytes(cut, bytes.substr(0, static_cast<size_t>(bytes.size() * keep)));
    SCOPED_TRACE(cut);
    expect_one_line_error(cut);
  }
}

TEST(DamagedResults, OverwrittenBytesNeverCrash) {
  runtest::TempDir dir;
  std::string bytes = slurp(good_result(dir));
  // Overwrite 64-byte runs at spread-out offsets (deterministic): metadata or data, whatever lies there.
  int errors = 0;
  for (int k = 1; k <= 12; ++k) {
    std::string bad = bytes;
    size_t at = bad.size() * k / 13;
    for (size_t i = at; i < std::min(bad.size(), at + 64); ++i) bad[i] = static_cast<char>(0xA5 ^ (i * 31));
    std::string path = dir / ("bad-" + std::to_string(k) + ".h5");
    write_bytes(path, bad);
    auto r = sh(runtest::sovcap() + " summary " + path);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << path << " exit " << r.exit_code << ":\n" << r.output;
    if (r.exit_code == 2) {
      ++errors;
      EXPECT_EQ(lines(r.output), 1u) << path << ":\n" << r.output;
      EXPECT_NE(r.output.find(path), std::string::npos) << r.output;
    }
  }
  RecordProperty("damaged_files_rejected", errors);
}
