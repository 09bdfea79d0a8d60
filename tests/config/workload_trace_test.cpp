// The `workload.trace` key: a CSV job trace replacing the synthetic arrivals.
// Loading, path resolution, the resolved YAML, and every error path.
#include <gtest/gtest.h>

#include <filesystem>

#include "simulator/config/key_compare.hpp"
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

const char* kSwf =
    "; MaxProcs: 64\n"                                   // 1
    "1 0 10 3600 8 -1 -1 8 7200 -1 1 1 1 1 1 1 -1 -1\n"  // 2
    "2 60 0 -1 8 -1 -1 8 7200 -1 5 1 1 1 1 1 -1 -1\n";   // 3: no run time

TEST(WorkloadTrace, SwfTraceWithItsMappingLoads) {
  cfgtest::TempDir dir;
  dir.write("jobs.swf", kSwf);
  auto sc = load_scenario(dir.write("s.yaml", with_workload("  trace: jobs.swf\n  swf:\n    class: train\n"
                                                            "    units_per_processor: 0.125\n    offset: 1h\n"
                                                            "    time_scale: 0.5\n    completed_only: true\n    rebase: false\n")));
  ASSERT_NE(sc.swf_trace, nullptr);
  EXPECT_EQ(sc.trace, nullptr);
  EXPECT_EQ(sc.swf_trace->jobs.size(), 2u);
  EXPECT_EQ(sc.swf.class_index, 0);
  EXPECT_DOUBLE_EQ(sc.swf.units_per_processor, 0.125);
  EXPECT_DOUBLE_EQ(sc.swf.offset_s, 3600);
  EXPECT_DOUBLE_EQ(sc.swf.time_scale, 0.5);
  EXPECT_TRUE(sc.swf.completed_only);
  EXPECT_FALSE(sc.swf.rebase);
  // The resolved YAML carries the mapping and loads to the same.
  cfgtest::TempDir other;
  auto again = load_scenario(other.write("resolved.yaml", sc.resolved_yaml));
  ASSERT_NE(again.swf_trace, nullptr) << sc.resolved_yaml;
  EXPECT_DOUBLE_EQ(again.swf.units_per_processor, 0.125);
  EXPECT_DOUBLE_EQ(again.swf.offset_s, 3600);
  EXPECT_DOUBLE_EQ(again.swf.time_scale, 0.5);
  EXPECT_TRUE(again.swf.completed_only);
  EXPECT_FALSE(again.swf.rebase);
  EXPECT_TRUE(compare_scenarios(sc, again).differences.empty());
}

TEST(WorkloadTrace, SwfMappingDefaults) {
  cfgtest::TempDir dir;
  dir.write("jobs.swf", kSwf);
  auto sc = load_scenario(dir.write("s.yaml", with_workload("  trace: jobs.swf\n")));
  ASSERT_NE(sc.swf_trace, nullptr);
  EXPECT_EQ(sc.swf.class_index, 0);  // the first class
  EXPECT_DOUBLE_EQ(sc.swf.units_per_processor, 1);
  EXPECT_TRUE(sc.swf.rebase);
  EXPECT_DOUBLE_EQ(sc.swf.time_scale, 1);
  EXPECT_DOUBLE_EQ(sc.swf.offset_s, 0);
  EXPECT_FALSE(sc.swf.completed_only);
}

TEST(WorkloadTraceErrors, SwfMappingErrorsNameTheKeyAndLine) {
  cfgtest::TempDir dir;
  dir.write("jobs.swf", kSwf);
  // trace on line 20, swf on 21, its keys from 22.
  auto path = dir.write("s.yaml", with_workload("  trace: jobs.swf\n  swf:\n    class: train\n"
                                                "    units_per_processor: 0\n    time_scal: 2\n"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 2u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].key_path, "workload.swf.units_per_processor");
  EXPECT_EQ(diags[0].line, 23);
  EXPECT_NE(diags[0].message.find("out of range"), std::string::npos) << all(diags);
  EXPECT_EQ(diags[1].key_path, "workload.swf.time_scal");
  EXPECT_EQ(diags[1].line, 24);
  EXPECT_NE(diags[1].message.find("time_scale"), std::string::npos) << all(diags);  // did you mean
}

TEST(WorkloadTraceErrors, SwfClassMustBeAClassOfTheScenario) {
  cfgtest::TempDir dir;
  dir.write("jobs.swf", kSwf);
  auto path = dir.write("s.yaml", with_workload("  trace: jobs.swf\n  swf:\n    class: inference\n"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].key_path, "workload.swf.class");
  EXPECT_EQ(diags[0].line, 22);
  EXPECT_NE(diags[0].message.find("unknown class 'inference'"), std::string::npos) << all(diags);
  EXPECT_NE(diags[0].allowed.find("train"), std::string::npos) << all(diags);
}

TEST(WorkloadTraceErrors, SwfMappingWithoutAnSwfTrace) {
  cfgtest::TempDir dir;
  dir.write("jobs.csv", kTrace);
  auto diags = errors_of(dir.write("s.yaml", with_workload("  trace: jobs.csv\n  swf: {class: train}\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.swf");
  EXPECT_EQ(diags[0].line, 21);
  EXPECT_NE(diags[0].message.find("not an SWF trace"), std::string::npos) << all(diags);
  diags = errors_of(dir.write("t.yaml", with_workload("  swf: {class: train}\n")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "workload.swf");
  EXPECT_NE(diags[0].message.find("no workload.trace"), std::string::npos) << all(diags);
}

TEST(WorkloadTraceErrors, BadSwfRecordNamesTheTraceFileAndLine) {
  cfgtest::TempDir dir;
  dir.write("jobs.swf", std::string(kSwf) + "3 90 0 60 8 -1 -1 8 7200 -1 7 1 1 1 1 1 -1 -1\n");
  auto path = dir.write("s.yaml", with_workload("  trace: jobs.swf\n"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].line, 20);
  EXPECT_EQ(diags[0].key_path, "workload.trace");
  EXPECT_NE(diags[0].message.find("jobs.swf:4: field 11 (status)"), std::string::npos) << all(diags);
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
