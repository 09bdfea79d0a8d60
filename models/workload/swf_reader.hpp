#pragma once
// Reader of the Standard Workload Format (SWF) of the Parallel Workloads
// Archive (Feitelson et al., https://www.cs.huji.ac.il/labs/parallel/workload/swf.html):
// one job per line, 18 whitespace-separated numeric fields, -1 = unknown;
// lines starting with ';' are header comments ("; MaxProcs: 128").
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/workload/trace_error.hpp"

namespace sovcap::workload {

// One SWF record. Every field keeps the file's value; -1 means unknown.
struct SwfJob {
  int64_t job_number = -1;         //  1
  double submit_s = -1;            //  2 seconds since the log's start
  double wait_s = -1;              //  3
  double run_s = -1;               //  4 wall-clock run time
  int64_t allocated_procs = -1;    //  5
  double avg_cpu_s = -1;           //  6 average CPU time used per processor
  double used_memory_kb = -1;      //  7 per processor
  int64_t requested_procs = -1;    //  8
  double requested_s = -1;         //  9 user's run-time estimate (or limit)
  double requested_memory_kb = -1; // 10 per processor
  int status = -1;                 // 11 1 completed, 0 failed, 5 cancelled; 2-4 partial executions
  int64_t user_id = -1;            // 12
  int64_t group_id = -1;           // 13
  int64_t executable = -1;         // 14
  int64_t queue = -1;              // 15
  int64_t partition = -1;          // 16
  int64_t preceding_job = -1;      // 17
  double think_time_s = -1;        // 18
  int line = 0;                    // where it was read, for later messages
};

struct SwfTrace {
  std::string path;
  // Header fields in file order ("UnixStartTime", "1199142000"); keys may repeat (Note, Queue).
  std::vector<std::pair<std::string, std::string>> header;
  std::vector<std::string> comments;  // ';' lines that are not "Key: value"
  std::vector<SwfJob> jobs;           // in file order

  // The first value of a header key, if present.
  std::optional<std::string> header_value(const std::string& key) const;
  // Integer header values (UnixStartTime, MaxProcs, MaxNodes, MaxJobs, ...), if present and numeric.
  std::optional<int64_t> header_int(const std::string& key) const;
};

constexpr int swf_field_count = 18;
// The SWF names of fields 1..18 (index 0 = field 1), for messages and docs.
const char* swf_field_name(int index0);

// Throws TraceError(file, line, message): wrong field count, a non-numeric or
// non-integral field, a negative value other than -1, an unknown status, a
// truncated last line (fewer than 18 fields and no newline at the end).
// A path ending in .gz is inflated first (gzip, as the Parallel Workloads Archive ships its logs).
SwfTrace read_swf(const std::string& path);
SwfTrace parse_swf(std::istream& in, const std::string& name);

}  // namespace sovcap::workload
