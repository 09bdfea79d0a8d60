#pragma once
// A plain CSV job trace (docs/traces.md):
//   submit_s,class,region,units,runtime_s[,requested_s,input_gb,output_gb]
// The header names the columns (any order; the last three optional); class and
// region are ids from the scenario; '#' lines and blank lines are skipped.
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string>
#include <vector>

#include "models/workload/trace_error.hpp"

namespace sovcap::workload {

struct CsvJob {
  static constexpr double absent = std::numeric_limits<double>::quiet_NaN();
  double submit_s = 0;         // seconds since the scenario's start, >= 0
  std::string class_id;        // a job class id
  std::string region_id;       // a region id; empty = assigned by region weight
  int64_t units = 1;           // GPUs or cores, >= 1
  double runtime_s = 0;        // > 0
  double requested_s = absent; // >= runtime_s; absent = runtime * the class's estimate_factor
  double input_gb = absent;    // >= 0; absent = the class's input_gb
  double output_gb = absent;   // >= 0; absent = the class's output_gb
  int line = 0;                // where it was read
};

struct CsvTrace {
  std::string path;
  std::vector<CsvJob> jobs;    // in file order
};

// Throws TraceError(file, line, message): missing or unknown or repeated
// columns, wrong cell count, non-numeric or out-of-range values.
CsvTrace read_csv_trace(const std::string& path);
CsvTrace parse_csv_trace(std::istream& in, const std::string& name);

}  // namespace sovcap::workload
