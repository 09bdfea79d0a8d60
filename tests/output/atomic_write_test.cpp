// The result appears on the target only when finish() succeeds: an unfinished
// writer (exception, signal) leaves no temporary file and the target as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/common/h5_probe.hpp"
#include "result_fixture.hpp"

namespace fs = std::filesystem;
namespace out = sovcap::output;

TEST(AtomicWrite, TempFileBesideTheTargetWhileRunning) {
  fixture::TempDir dir;
  std::string target = dir / "r.h5";
  out::ResultWriter w(target, fixture::run_info());
  EXPECT_EQ(w.temp_path(), target + ".tmp." + std::to_string(::getpid()));
  EXPECT_TRUE(fs::exists(w.temp_path()));
  EXPECT_FALSE(fs::exists(target));
}

TEST(AtomicWrite, UnfinishedWriterRemovesItsTempAndLeavesTheTarget) {
  fixture::TempDir dir;
  std::string target = dir / "r.h5";
  std::ofstream(target) << "previous result";
  try {
    out::ResultWriter w(target, fixture::run_info());
    w.add_sample(0, {fixture::site_sample(1), fixture::site_sample(1)}, {{}, {}});
    for (uint64_t i = 1; i <= 20000; ++i) w.add_job(fixture::job(i, 0, 0, 0, 0, 1, 1));  // past one buffer
    throw std::runtime_error("the run failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(fixture::slurp(target), "previous result");
  EXPECT_EQ(fixture::temp_files(dir), 0u);
}

TEST(AtomicWrite, FinishReplacesTheTargetAndLeavesNoTemp) {
  fixture::TempDir dir;
  std::string target = dir / "r.h5";
  std::ofstream(target) << "previous result";
  fixture::write_small(target);
  EXPECT_EQ(fixture::temp_files(dir), 0u);
  probe::File f(target);
  EXPECT_EQ(f.attr_string("/", "schema"), "sovcap/3");
}

TEST(AtomicWrite, BadJobIndexThrowsAndTheWriterStillCleansUp) {
  fixture::TempDir dir;
  std::string target = dir / "r.h5";
  {
    out::ResultWriter w(target, fixture::run_info());
    EXPECT_THROW(w.add_job(fixture::job(1, 5, 0, 0, 0, 1, 1)), out::H5Error);   // class 5 of 2
    EXPECT_THROW(w.add_job(fixture::job(1, 0, 3, 0, 0, 1, 1)), out::H5Error);   // region 3 of 3
    EXPECT_THROW(w.add_job(fixture::job(1, 0, 0, 2, 0, 1, 1)), out::H5Error);   // site 2 of 2
    EXPECT_THROW(w.add_sample(0, {fixture::site_sample(1)}, {{}, {}}), out::H5Error);  // one site of two
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(fixture::temp_files(dir), 0u);
}

TEST(AtomicWrite, SignalPathUnlinksTheTempFile) {
  fixture::TempDir dir;
  std::string target = dir / "r.h5";
  out::ResultWriter w(target, fixture::run_info());
  ASSERT_TRUE(fs::exists(w.temp_path()));
  out::ResultWriter::remove_temp_files_on_signal();
  EXPECT_FALSE(fs::exists(w.temp_path()));
  EXPECT_FALSE(fs::exists(target));
}

TEST(AtomicWrite, UnwritableDirectoryThrowsNamingTheFile) {
  fixture::TempDir dir;
  std::string target = dir / "missing-dir/r.h5";
  try {
    out::ResultWriter w(target, fixture::run_info());
    FAIL() << "expected an error";
  } catch (const out::H5Error& e) {
    EXPECT_NE(std::string(e.what()).find("missing-dir/r.h5.tmp"), std::string::npos) << e.what();
  }
}

TEST(AtomicWrite, IdsThatCannotNameAGroupAreRejected) {
  fixture::TempDir dir;
  auto info = fixture::run_info();
  info.sites[1] = "a/b";
  EXPECT_THROW(out::ResultWriter(dir / "r.h5", info), out::H5Error);
  info = fixture::run_info();
  info.links[1] = info.links[0];
  EXPECT_THROW(out::ResultWriter(dir / "r.h5", info), out::H5Error);
  EXPECT_EQ(fixture::temp_files(dir), 0u);
}

TEST(Determinism, SameInputsSameBytesButTheCreationTime) {
  fixture::TempDir dir;
  fixture::write_small(dir / "a.h5", 1000);
  fixture::write_small(dir / "b.h5", 1000);
  auto a = fixture::slurp(dir / "a.h5"), b = fixture::slurp(dir / "b.h5");
  ASSERT_EQ(a.size(), b.size());
  size_t differing = 0;
  for (size_t i = 0; i < a.size(); ++i) differing += a[i] != b[i];
  EXPECT_LE(differing, 20u) << "only created_utc (20 characters) may differ";
}
