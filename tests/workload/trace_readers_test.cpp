// The SWF and CSV readers on hand-written files in tests/data/traces: every
// field variant, header lines, CRLF, a last line without newline, and each
// kind of error with its file and line.
#include <cmath>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "models/workload/csv_trace.hpp"
#include "models/workload/swf_reader.hpp"

using namespace sovcap::workload;

namespace {

const std::string dir = SOVCAP_SOURCE_DIR "/tests/data/traces/";

// The error a reader throws on a file: its line and message.
template <class Read>
TraceError error_of(Read read, const std::string& file) {
  try {
    read(dir + file);
  } catch (const TraceError& e) {
    EXPECT_EQ(e.file(), dir + file);
    std::string place = e.line() > 0 ? file + ":" + std::to_string(e.line()) : file;  // line 0: the whole file
    EXPECT_NE(std::string(e.what()).find(place + ": error: "), std::string::npos) << e.what();
    return e;
  }
  ADD_FAILURE() << file << ": no error";
  return TraceError("", 0, "");
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST(SwfReader, ReadsEveryField) {
  auto t = read_swf(dir + "sample.swf");
  ASSERT_EQ(t.jobs.size(), 6u);
  const auto& j = t.jobs[0];
  EXPECT_EQ(j.line, 18);
  EXPECT_EQ(j.job_number, 1);
  EXPECT_EQ(j.submit_s, 0);
  EXPECT_EQ(j.wait_s, 10);
  EXPECT_EQ(j.run_s, 3600);
  EXPECT_EQ(j.allocated_procs, 8);
  EXPECT_EQ(j.avg_cpu_s, 3500.5);
  EXPECT_EQ(j.used_memory_kb, 1024);
  EXPECT_EQ(j.requested_procs, 8);
  EXPECT_EQ(j.requested_s, 7200);
  EXPECT_EQ(j.requested_memory_kb, 2048);
  EXPECT_EQ(j.status, 1);
  EXPECT_EQ(j.user_id, 3);
  EXPECT_EQ(j.group_id, 1);
  EXPECT_EQ(j.executable, 1);
  EXPECT_EQ(j.queue, 1);
  EXPECT_EQ(j.partition, 1);
  EXPECT_EQ(j.preceding_job, -1);
  EXPECT_EQ(j.think_time_s, -1);

  EXPECT_EQ(t.jobs[1].run_s, 120.25);  // fractional seconds
  EXPECT_EQ(t.jobs[1].preceding_job, 1);
  EXPECT_EQ(t.jobs[1].think_time_s, 15);
  const auto& unknown = t.jobs[2];  // tab-separated, -1s
  EXPECT_EQ(unknown.line, 20);
  EXPECT_EQ(unknown.wait_s, -1);
  EXPECT_EQ(unknown.avg_cpu_s, -1);
  EXPECT_EQ(unknown.user_id, -1);
  EXPECT_EQ(unknown.status, 0);
  EXPECT_EQ(t.jobs[3].status, 5);  // cancelled, never ran
  EXPECT_EQ(t.jobs[3].allocated_procs, -1);
  EXPECT_EQ(t.jobs[4].requested_procs, -1);
  const auto& last = t.jobs[5];  // no newline after it
  EXPECT_EQ(last.line, 24);
  EXPECT_EQ(last.job_number, 6);
  EXPECT_EQ(last.think_time_s, -1);
}

TEST(SwfReader, KeepsHeaderFieldsAndComments) {
  auto t = read_swf(dir + "sample.swf");
  EXPECT_EQ(t.header_int("UnixStartTime"), 1767225600);
  EXPECT_EQ(t.header_int("MaxProcs"), 128);
  EXPECT_EQ(t.header_int("MaxNodes"), 16);
  EXPECT_EQ(t.header_value("TimeZoneString"), "Africa/Casablanca");
  EXPECT_EQ(t.header_value("Installation"), "none; written by hand to cover every SWF field variant");
  EXPECT_EQ(t.header_value("StartTime"), "Thu Jan 01 00:00:00 UTC 2026");  // colons in the value
  EXPECT_FALSE(t.header_value("MaxRuntime"));
  EXPECT_FALSE(t.header_int("Computer"));  // not a number
  int notes = 0, queues = 0;
  for (const auto& [k, v] : t.header) {
    notes += k == "Note";
    queues += k == "Queue";
  }
  EXPECT_EQ(notes, 2);
  EXPECT_EQ(queues, 2);
  ASSERT_EQ(t.comments.size(), 2u);
  EXPECT_EQ(t.comments[1], "a comment line without a key");
}

TEST(SwfReader, CrlfLineEndings) {
  auto t = read_swf(dir + "crlf.swf");
  ASSERT_EQ(t.jobs.size(), 2u);
  EXPECT_EQ(t.header_int("UnixStartTime"), 0);
  EXPECT_EQ(t.jobs[1].allocated_procs, 2);
  EXPECT_EQ(t.jobs[1].think_time_s, -1);
}

TEST(SwfReader, EmptyStreamGivesNoJobs) {
  std::istringstream in("; only a header\n\n");
  auto t = parse_swf(in, "mem");
  EXPECT_TRUE(t.jobs.empty());
  EXPECT_EQ(t.comments.size(), 1u);
}

TEST(SwfReader, ErrorsNameFileLineAndProblem) {
  auto e = error_of(read_swf, "bad_field_count.swf");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.message(), "17 fields, expected 18");

  e = error_of(read_swf, "bad_nonnumeric.swf");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.message(), "field 4 (run time) is not a number: '6O'");

  e = error_of(read_swf, "bad_negative.swf");
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.message(), "field 3 (wait time) is negative (-5)")) << e.message();

  e = error_of(read_swf, "bad_truncated.swf");
  EXPECT_EQ(e.line(), 2);
  EXPECT_TRUE(contains(e.message(), "truncated last line: 10 fields")) << e.message();

  e = error_of(read_swf, "bad_status.swf");
  EXPECT_EQ(e.line(), 2);
  EXPECT_TRUE(contains(e.message(), "field 11 (status)")) << e.message();

  e = error_of(read_swf, "bad_fraction.swf");
  EXPECT_EQ(e.line(), 2);
  EXPECT_TRUE(contains(e.message(), "field 5 (allocated processors) must be a whole number")) << e.message();

  e = error_of(read_swf, "no_such_file.swf");
  EXPECT_EQ(e.line(), 0);
  EXPECT_EQ(e.message(), "cannot open file");
}

TEST(SwfReader, TooManyFieldsOnAnUnterminatedLineIsNotTruncation) {
  std::istringstream in("1 0 0 60 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1 99");
  try {
    parse_swf(in, "mem.swf");
    FAIL();
  } catch (const TraceError& e) {
    EXPECT_EQ(e.message(), "19 fields, expected 18");
    EXPECT_STREQ(e.what(), "mem.swf:1: error: 19 fields, expected 18");
  }
}

TEST(CsvTrace, ReadsAllColumns) {
  auto t = read_csv_trace(dir + "sample.csv");
  ASSERT_EQ(t.jobs.size(), 5u);
  const auto& a = t.jobs[0];
  EXPECT_EQ(a.line, 3);
  EXPECT_EQ(a.submit_s, 0);
  EXPECT_EQ(a.class_id, "training");
  EXPECT_EQ(a.region_id, "rabat");
  EXPECT_EQ(a.units, 64);
  EXPECT_EQ(a.runtime_s, 86400);
  EXPECT_EQ(a.requested_s, 172800);
  EXPECT_EQ(a.input_gb, 2000);
  EXPECT_EQ(a.output_gb, 200);
  const auto& b = t.jobs[1];  // empty optional cells stay absent
  EXPECT_TRUE(std::isnan(b.requested_s));
  EXPECT_EQ(b.input_gb, 50);
  EXPECT_TRUE(std::isnan(b.output_gb));
  EXPECT_EQ(t.jobs[3].region_id, "");
  EXPECT_EQ(t.jobs[3].submit_s, 45.5);
  EXPECT_EQ(t.jobs[3].line, 7);
  EXPECT_EQ(t.jobs[4].submit_s, 10);  // file order kept; the stream sorts
}

TEST(CsvTrace, ColumnsInAnyOrderOptionalOnesAbsent) {
  auto t = read_csv_trace(dir + "minimal.csv");  // also: no newline at the end
  ASSERT_EQ(t.jobs.size(), 2u);
  EXPECT_EQ(t.jobs[0].submit_s, 5);
  EXPECT_EQ(t.jobs[0].runtime_s, 60);
  EXPECT_EQ(t.jobs[0].region_id, "rabat");
  EXPECT_EQ(t.jobs[1].units, 2);
  EXPECT_EQ(t.jobs[1].class_id, "batch");
  EXPECT_TRUE(std::isnan(t.jobs[1].requested_s));
  EXPECT_TRUE(std::isnan(t.jobs[1].input_gb));
}

TEST(CsvTrace, ErrorsNameFileLineAndProblem) {
  auto e = error_of(read_csv_trace, "bad_unknown_column.csv");
  EXPECT_EQ(e.line(), 1);
  EXPECT_TRUE(contains(e.message(), "unknown column 'gpus' (columns: submit_s, class, region")) << e.message();

  e = error_of(read_csv_trace, "bad_missing_column.csv");
  EXPECT_EQ(e.message(), "missing column 'region'");

  e = error_of(read_csv_trace, "bad_units.csv");
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.message(), "units must be a whole number >= 1, got 0.5")) << e.message();

  e = error_of(read_csv_trace, "bad_requested.csv");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.message(), "requested_s must be >= runtime_s");

  e = error_of(read_csv_trace, "bad_cells.csv");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.message(), "4 cells, the header has 5");

  e = error_of(read_csv_trace, "bad_csv_truncated.csv");
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.message(), "truncated last line")) << e.message();

  e = error_of(read_csv_trace, "bad_csv_nonnumeric.csv");
  EXPECT_EQ(e.message(), "runtime_s is not a number: '1h'");

  std::istringstream empty("# nothing\n");
  EXPECT_THROW(parse_csv_trace(empty, "mem.csv"), TraceError);
}
