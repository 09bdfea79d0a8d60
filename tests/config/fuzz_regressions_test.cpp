// Every input a fuzz target found (tests/fuzz/regressions/<target>/*) goes
// through the normal build's code path: the same contract as the fuzz target
// (accepted, or rejected with the module's own error), checked without
// libFuzzer, on every ctest run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/workload/csv_trace.hpp"
#include "models/workload/swf_reader.hpp"
#include "simulator/config/diagnostics.hpp"
#include "simulator/config/units.hpp"
#include "temp_files.hpp"
#include "tests/common/file_bytes.hpp"

namespace fs = std::filesystem;
using namespace sovcap;

namespace {

// Every input kept for a target; a missing or empty folder fails the calling test (a loop over
// nothing checks nothing).
std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> v;
  fs::path dir = fs::path(SOVCAP_SOURCE_DIR) / "tests/fuzz/regressions" / target;
  EXPECT_TRUE(fs::is_directory(dir)) << dir << " is missing";
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) v.push_back(e.path());
  std::sort(v.begin(), v.end());
  EXPECT_FALSE(v.empty()) << dir << " holds no regression input";
  return v;
}

// An input named bad-* must be rejected, good-* must be accepted; others may go either way (what
// the fuzzer's contract allows), but never crash.
enum class Expect { either, accepted, rejected };
Expect expectation(const fs::path& f) {
  std::string name = f.filename().string();
  if (name.rfind("bad-", 0) == 0) return Expect::rejected;
  if (name.rfind("good-", 0) == 0) return Expect::accepted;
  return Expect::either;
}

std::string bytes_of(const fs::path& p) { return sovcap::test::slurp(p.string()); }

}  // namespace

TEST(FuzzRegressions, UnitsGiveAFiniteNumberOrUnitError) {
  auto files = inputs("fuzz_units");
  ASSERT_FALSE(files.empty()) << "the unit parser's regressions are missing";
  for (const auto& f : files) {
    std::string data = bytes_of(f);
    ASSERT_FALSE(data.empty()) << f;
    auto q = static_cast<config::Quantity>(static_cast<unsigned char>(data[0]) % 5);
    double plain = (static_cast<unsigned char>(data[0]) & 0x80) ? 1e-3 : 1.0;
    std::string text = data.substr(1);
    try {
      double v = config::parse_quantity(text, q, plain);
      EXPECT_TRUE(std::isfinite(v)) << f << ": '" << text << "' gave " << v;
    } catch (const config::UnitError& e) {
      EXPECT_FALSE(e.allowed.empty()) << f << ": " << e.what();
    }
    try {
      double v = config::parse_plain_number(text);
      EXPECT_TRUE(std::isfinite(v)) << f;
    } catch (const config::UnitError&) {
    }
  }
}

TEST(FuzzRegressions, OverflowingQuantitiesAreRejectedNamingTheValue) {
  // What the fuzzer's contract found: a finite number times its unit overflowed to inf.
  for (auto [text, q] : {std::pair{"1e308GW", config::Quantity::power}, {"1e305y", config::Quantity::duration},
                         {"1e306 TB", config::Quantity::data}, {"1.7e308", config::Quantity::energy}}) {
    try {
      double v = config::parse_quantity(text, q, 1e3);
      ADD_FAILURE() << text << " gave " << v;
    } catch (const config::UnitError& e) {
      EXPECT_EQ(std::string(e.what()), "'" + std::string(text) + "' is too large");
      EXPECT_EQ(e.allowed, config::allowed_units(q));
    }
  }
  try {
    config::parse_quantity("2e308MW", config::Quantity::power);
    ADD_FAILURE() << "2e308MW accepted";
  } catch (const config::UnitError& e) {
    EXPECT_EQ(std::string(e.what()), "'2e308MW' is out of the range of numbers");
  }
  EXPECT_THROW(config::parse_plain_number("1e999"), config::UnitError);
  EXPECT_DOUBLE_EQ(config::parse_quantity("1e300", config::Quantity::power), 1e300);  // large but finite is fine
}

TEST(FuzzRegressions, ScenariosLoadOrGiveConfigErrorsNamingTheFile) {
  cfgtest::TempDir dir;
  for (const auto& f : inputs("fuzz_scenario")) {
    std::string path = dir.write("scenario.yaml", bytes_of(f));
    bool loaded = false;
    try {
      (void)config::load_scenario(path);
      loaded = true;
    } catch (const config::ConfigError& e) {
      ASSERT_FALSE(e.diagnostics.empty()) << f;
      for (const auto& d : e.diagnostics) EXPECT_FALSE(d.file.empty()) << f << ": " << d.format();
    }
    if (expectation(f) != Expect::either) {
      EXPECT_EQ(loaded, expectation(f) == Expect::accepted) << f;
    }
  }
}

template <typename Parse>
void check_traces(const std::string& target, Parse parse) {
  for (const auto& f : inputs(target)) {
    std::istringstream in(bytes_of(f));
    bool parsed = false;
    try {
      parse(in, f.string());
      parsed = true;
    } catch (const workload::TraceError& e) {
      EXPECT_EQ(e.file(), f.string()) << e.what();  // the error names the file
      EXPECT_FALSE(e.message().empty()) << f;
    }
    if (expectation(f) != Expect::either) {
      EXPECT_EQ(parsed, expectation(f) == Expect::accepted) << f;
    }
  }
}

TEST(FuzzRegressions, TracesParseOrGiveTraceErrors) {
  check_traces("fuzz_swf", [](std::istream& in, const std::string& name) {
    auto t = workload::parse_swf(in, name);
    for (const auto& j : t.jobs) {  // what is accepted is a number (-1 or >= 0), never NaN or infinite
      EXPECT_TRUE(std::isfinite(j.submit_s) && std::isfinite(j.run_s) && std::isfinite(j.requested_s)) << name << ":" << j.line;
    }
  });
  check_traces("fuzz_csv_trace", [](std::istream& in, const std::string& name) {
    auto t = workload::parse_csv_trace(in, name);
    for (const auto& j : t.jobs) EXPECT_TRUE(std::isfinite(j.submit_s) && std::isfinite(j.runtime_s)) << name << ":" << j.line;
  });
}
