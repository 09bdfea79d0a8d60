// The command line's contract for bad input: exit 2, the place named, nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "run_helpers.hpp"

using runtest::sh;

TEST(CliErrors, BadConfigExitsTwoNamingThePlaceAndWritesNothing) {
  runtest::TempDir dir;
  std::string cfg = dir / "bad.yaml";
  std::ofstream(cfg) << "extends: " << runtest::config("tiny.yaml") << "\nscenario:\n  duraton: 2d\n";
  std::string out = dir / "out.h5";
  auto r = sh(runtest::sovcap() + " run " + cfg + " -o " + out);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find(cfg + ":3:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("duraton"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("duration"), std::string::npos) << "did-you-mean expected: " << r.output;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()) || !std::filesystem::exists(out));
}

TEST(CliErrors, MissingConfigFileExitsTwo) {
  runtest::TempDir dir;
  auto r = sh(runtest::sovcap() + " run " + (dir / "nope.yaml") + " -o " + (dir / "o.h5"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("nope.yaml"), std::string::npos) << r.output;
}

TEST(CliErrors, UnknownOverrideKeyExitsTwo) {
  runtest::TempDir dir;
  auto r = sh(runtest::sovcap() + " check " + runtest::config("tiny.yaml") + " --set scenario.sed=3");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("sed"), std::string::npos) << r.output;
}

TEST(CliErrors, UsageErrorExitsTwo) {
  auto r = sh(runtest::sovcap() + " run");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  auto v = sh(runtest::sovcap() + " --version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.output.find("sovcap"), std::string::npos);
}

TEST(CliErrors, SummaryOfANonResultFileExitsTwoWithOneLine) {
  runtest::TempDir dir;
  std::string junk = dir / "junk.h5";
  std::ofstream(junk) << "not hdf5";
  auto r = sh(runtest::sovcap() + " summary " + junk);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("junk.h5"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}

TEST(CliErrors, CheckPrintsTheResolvedScenario) {
  auto r = sh(runtest::sovcap() + " check " + runtest::config("tiny.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(r.output.empty());
}
