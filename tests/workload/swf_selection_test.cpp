// Which records of a Parallel Workloads Archive-format file a replay uses, and why each other one
// is skipped, checked by hand against tests/data/traces/pwa_excerpt.swf (20 header lines: record k
// is on line 20 + k).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <zlib.h>

#include "models/workload/swf_reader.hpp"
#include "models/workload/swf_selection.hpp"

using namespace sovcap::workload;

namespace {

const std::string kExcerpt = std::string(SOVCAP_SOURCE_DIR) + "/tests/data/traces/pwa_excerpt.swf";

size_t count(const SwfSkipReport& r, SwfSkip why) { return r.skipped[static_cast<size_t>(why)]; }
const std::vector<int>& lines(const SwfSkipReport& r, SwfSkip why) { return r.first_lines[static_cast<size_t>(why)]; }

}  // namespace

TEST(SwfSelection, EachRecordIsUsedOrSkippedForTheFirstReasonThatApplies) {
  auto trace = read_swf(kExcerpt);
  ASSERT_EQ(trace.jobs.size(), 24u);
  SwfMapping m;
  m.completed_only = true;
  m.offset_s = -300;  // the earliest usable record (22, submitted at 3000 s) lands at -300 s
  auto sel = select_swf(trace, m, 2 * 86400.0);
  const auto& r = sel.report;
  EXPECT_EQ(r.records, 24u);
  EXPECT_EQ(count(r, SwfSkip::no_submit_time), 1u);  // record 4
  EXPECT_EQ(lines(r, SwfSkip::no_submit_time), (std::vector<int>{24}));
  EXPECT_EQ(count(r, SwfSkip::no_run_time), 2u);  // 5 (-1, also cancelled: the first reason counts), 6 (0)
  EXPECT_EQ(lines(r, SwfSkip::no_run_time), (std::vector<int>{25, 26}));
  EXPECT_EQ(count(r, SwfSkip::no_processors), 2u);  // 7 (-1, -1), 8 (0, 0)
  EXPECT_EQ(lines(r, SwfSkip::no_processors), (std::vector<int>{27, 28}));
  EXPECT_EQ(count(r, SwfSkip::not_completed), 1u);  // 9 (status 0)
  EXPECT_EQ(lines(r, SwfSkip::not_completed), (std::vector<int>{29}));
  EXPECT_EQ(count(r, SwfSkip::before_start), 1u);  // 22
  EXPECT_EQ(lines(r, SwfSkip::before_start), (std::vector<int>{42}));
  // 21 (200,000 s) and 23 (250,000 s) land at 196,700 s and 246,700 s, past the 172,800 s horizon.
  EXPECT_EQ(count(r, SwfSkip::after_horizon), 2u);
  EXPECT_EQ(lines(r, SwfSkip::after_horizon), (std::vector<int>{41, 43}));
  EXPECT_EQ(r.used, 24u - 9u);
  EXPECT_EQ(r.total_skipped(), 9u);
  // Usable in submit order (after-horizon ones too, for the region deal), times rebased and offset.
  ASSERT_EQ(sel.usable.size(), 17u);
  EXPECT_EQ(sel.usable.front().record->job_number, 1);
  EXPECT_DOUBLE_EQ(sel.usable.front().submit_s, 3600 - 3000 - 300);
  EXPECT_EQ(sel.usable[1].record->job_number, 24);  // 3610 s: before 2 (3650 s), after it in the file
  EXPECT_EQ(sel.usable.back().record->job_number, 23);
}

TEST(SwfSelection, WithoutCompletedOnlyTheFailedJobIsReplayed) {
  auto trace = read_swf(kExcerpt);
  auto sel = select_swf(trace, SwfMapping{}, 1e9);
  EXPECT_EQ(count(sel.report, SwfSkip::not_completed), 0u);
  EXPECT_EQ(count(sel.report, SwfSkip::before_start), 0u);  // rebased: the first is at 0
  EXPECT_EQ(count(sel.report, SwfSkip::after_horizon), 0u);
  EXPECT_EQ(sel.report.used, 24u - 5u);
}

TEST(SwfSelection, TheReportKeepsTheFirstFiveLinesAndSaysThereAreMore) {
  std::string text;
  for (int i = 0; i < 8; ++i) text += "1 -1 0 60 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1\n";
  text += "2 10 0 60 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1\n";
  std::istringstream in(text);
  auto sel = select_swf(parse_swf(in, "t.swf"), SwfMapping{}, 1e9);
  EXPECT_EQ(lines(sel.report, SwfSkip::no_submit_time), (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(sel.report.text("t.swf"),
            "t.swf: 8 of 9 SWF records not replayed: 8 unknown submit time (field 2) (lines 1, 2, 3, 4, 5, ...)");
  std::istringstream one(text.substr(text.rfind("2 10")));
  auto none = select_swf(parse_swf(one, "t.swf"), SwfMapping{}, 1e9);
  EXPECT_EQ(none.report.text("t.swf"), "");
}

TEST(SwfSelection, RejectsAMappingThatCannotMakeJobs) {
  SwfTrace t;
  SwfMapping m;
  m.units_per_processor = 0;
  EXPECT_THROW(select_swf(t, m, 1), std::invalid_argument);
  m.units_per_processor = 1;
  m.time_scale = -1;
  EXPECT_THROW(select_swf(t, m, 1), std::invalid_argument);
}

TEST(SwfSelection, AGzippedTraceReadsAsThePlainOne) {
  // Written with gzip by the test (zlib), read back by read_swf.
  std::string gz = ::testing::TempDir() + "pwa_excerpt_test.swf.gz";
  {
    std::ifstream src(kExcerpt, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(src)), std::istreambuf_iterator<char>());
    gzFile f = gzopen(gz.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())), static_cast<int>(bytes.size()));
    gzclose(f);
  }
  auto plain = read_swf(kExcerpt);
  auto packed = read_swf(gz);
  ASSERT_EQ(packed.jobs.size(), plain.jobs.size());
  for (size_t i = 0; i < plain.jobs.size(); ++i) {
    EXPECT_EQ(packed.jobs[i].job_number, plain.jobs[i].job_number);
    EXPECT_EQ(packed.jobs[i].submit_s, plain.jobs[i].submit_s);
    EXPECT_EQ(packed.jobs[i].line, plain.jobs[i].line);
  }
  EXPECT_EQ(packed.header_int("MaxProcs"), 1024);
  // A file that is not gzip at all is read as it is (zlib's transparent mode); a damaged one is an error.
  std::string bad = ::testing::TempDir() + "damaged_test.swf.gz";
  {
    std::ifstream src(gz, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(src)), std::istreambuf_iterator<char>());
    std::ofstream(bad, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  try {
    read_swf(bad);
    ADD_FAILURE() << "a truncated gzip file was read";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.file(), bad);
  }
}
