// The `workload.trace` key: a CSV job trace replacing the synthetic arrivals.
// Loading, path resolution, the resolved YAML, and every error path.
#include <gtest/gtest.h>

#include <filesystem>

#include "simulator/config/resolved_yaml.hpp"
#include "temp_files.hpp"

using namespace sovcap::config;
using cfgtest::errors_of;
using cfgtest::kMinimal;

namespace {

const char* kTrace =
    "submit_s,class,region,units,runtime_s\n"  // 1
    "0,train,north,8,3600\n"                   // 2
    "120.5,train,,4,600\n";                    // 3

// kMinimal (18 lines) plus a workload section: `trace:` on line 20, its value at column 10.
std::string with_workload(const std::string& section) { return std::string(kMinimal) + "workload:\n" + section; }

std::string all(const std::vector<Diagnostic>& diags) {
  std::string s;
  for (const auto& d : diags) s += d.format() + "\n";
  return s;
}

}  // namespace

TEST(WorkloadTrace, AbsentMeansSyntheticArrivals) {
  cfgtest::TempDir dir;
  auto sc = load_scenario(dir.write("s.yaml", kMinimal));
  EXPECT_TRUE(sc.trace_path.empty());
  EXPECT_EQ(sc.trace, nullptr);
  EXPECT_EQ(sc.resolved_yaml.find("workload"), std::string::npos);
}

TEST(WorkloadTrace, PathRelativeToTheConfigFileAndParsedOnce) {
  cfgtest::TempDir dir;
  std::filesystem::create_directories(dir.path("traces"));
  dir.write("traces/jobs.csv", kTrace);
  auto sc = load_scenario(dir.write("s.yaml", with_workload("  trace: traces/jobs.csv\n")));
  EXPECT_EQ(sc.trace_path, std::filesystem::path(dir.path("traces/jobs.csv")).lexically_normal().string());
  ASSERT_NE(sc.trace, nullptr);
  ASSERT_EQ(sc.trace->jobs.size(), 2u);
  EXPECT_DOUBLE_EQ(sc.trace->jobs[1].submit_s, 120.5);
  EXPECT_EQ(sc.trace->jobs[1].region_id, "");
}

TEST(WorkloadTrace, SetOnTheCommandLineCreatesTheSection) {
  cfgtest::TempDir dir;
  auto csv = dir.write("jobs.csv", kTrace);
  auto sc = load_scenario(dir.write("s.yaml", kMinimal), {"workload.trace=" + csv});
  EXPECT_EQ(sc.trace_path, csv);
  ASSERT_NE(sc.trace, nullptr);
}

TEST(WorkloadTrace, ResolvedYamlKeepsTheTraceAndLoadsAgain) {
  cfgtest::TempDir dir;
  dir.write("jobs.csv", kTrace);
  auto sc = load_scenario(dir.write("s.yaml", with_workload("  trace: jobs.csv\n")));
  ASSERT_NE(sc.resolved_yaml.find("workload:"), std::string::npos) << sc.resolved_yaml;
  // The resolved YAML lives elsewhere: the stored path is absolute, so it still finds the trace.
  cfgtest::TempDir other;
  auto again = load_scenario(other.write("resolved.yaml", sc.resolved_yaml));
  EXPECT_EQ(again.trace_path, sc.trace_path);
  ASSERT_NE(again.trace, nullptr);
  EXPECT_EQ(again.trace->jobs.size(), 2u);
}

TEST(WorkloadTraceErrors, MissingFileAtTheValue) {
  cfgtest::TempDir dir;
  auto path = dir.write("s.yaml", with_workload("  trace: nowhere.csv\n"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].line, 20);
  EXPECT_EQ(diags[0].column, 10);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_NE(diags[0].message.find("cannot find the file"), std::string::npos) << diags[0].message;
  EXPECT_NE(diags[0].message.find("nowhere.csv"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, EmptyPath) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("s.yaml", with_workload("  trace: ''\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_EQ(diags[0].line, 20);
  EXPECT_NE(diags[0].message.find("empty"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, NotAText) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("s.yaml", with_workload("  trace: [a.csv, b.csv]\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_EQ(diags[0].line, 20);
  EXPECT_EQ(diags[0].column, 10);
  EXPECT_NE(diags[0].message.find("expected a text"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, UnknownKeyWithSuggestion) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("s.yaml", with_workload("  traec: jobs.csv\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.traec");
  EXPECT_EQ(diags[0].line, 20);
  EXPECT_EQ(diags[0].column, 3);
  EXPECT_NE(diags[0].message.find("did you mean 'trace'"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, SectionNotAMap) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("s.yaml", std::string(kMinimal) + "workload: jobs.csv\n"));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload");
  EXPECT_EQ(diags[0].line, 19);
  EXPECT_NE(diags[0].message.find("expected a map"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, SwfIsRefusedByName) {
  cfgtest::TempDir dir;
  dir.write("jobs.swf", "1 0 10 3600 8 -1 -1 8 7200 -1 1 1 1 1 1 1 -1 -1\n");
  auto diags = errors_of(dir.write("s.yaml", with_workload("  trace: jobs.swf\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_NE(diags[0].message.find("SWF"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, BadRowNamesTheTraceFileAndLine) {
  cfgtest::TempDir dir;
  auto csv = dir.write("jobs.csv", "submit_s,class,region,units,runtime_s\n0,train,north,8,3600\n5,train,north,0.5,60\n");
  auto path = dir.write("s.yaml", with_workload("  trace: jobs.csv\n"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].line, 20);
  EXPECT_EQ(diags[0].column, 10);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_NE(diags[0].message.find(csv + ":3: "), std::string::npos) << diags[0].message;
  EXPECT_NE(diags[0].message.find("units"), std::string::npos) << diags[0].message;
}

TEST(WorkloadTraceErrors, UnknownClassAndRegionNameTheRow) {
  cfgtest::TempDir dir;
  auto csv = dir.write("jobs.csv", "submit_s,class,region,units,runtime_s\n0,train,north,8,3600\n5,render,north,1,60\n");
  auto diags = errors_of(dir.write("s.yaml", with_workload("  trace: jobs.csv\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_NE(diags[0].message.find(csv + ":3: unknown class 'render' (classes: train)"), std::string::npos)
      << diags[0].message;

  cfgtest::TempDir dir2;
  auto csv2 = dir2.write("jobs.csv", "submit_s,class,region,units,runtime_s\n0,train,south,8,3600\n");
  diags = errors_of(dir2.write("s.yaml", with_workload("  trace: jobs.csv\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_NE(diags[0].message.find(csv2 + ":2: unknown region 'south' (regions: north)"), std::string::npos)
      << diags[0].message;
}

TEST(WorkloadTraceErrors, ListedWithTheOtherErrors) {
  cfgtest::TempDir dir;
  std::string text = with_workload("  trace: nowhere.csv\n");
  text.replace(text.find("duration: 1d"), 12, "duration: -1d");
  auto diags = errors_of(dir.write("s.yaml", text));
  ASSERT_EQ(diags.size(), 2u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "scenario.duration");
  EXPECT_EQ(diags[1].key_path, "workload.trace");
}
