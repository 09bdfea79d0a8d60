#pragma once
// Which SWF records a replay uses, and why each other one is skipped: the one place that decides,
// so the streams, the loader's report on stderr and the results file's /trace group agree.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "models/workload/swf_reader.hpp"

namespace sovcap::workload {

// How SWF records become jobs of a scenario.
struct SwfMapping {
  int class_index = 0;             // every SWF job belongs to this class
  double units_per_processor = 1;  // units = ceil(processors * this), >= 1
  bool rebase = true;              // shift so the first usable job is submitted at 0
  double time_scale = 1;           // submit times multiplied by this (< 1 compresses arrivals, raising load)
  double offset_s = 0;             // then added to submit times; jobs before 0 are dropped
  bool completed_only = false;     // keep only status 1 (completed) jobs
};

// Why a record is not replayed, in the order the checks are made (a record counts once, for the first).
enum class SwfSkip {
  no_submit_time,  // field 2 is -1
  no_run_time,     // field 4 is -1 or 0
  no_processors,   // fields 5 and 8 both unknown or 0
  not_completed,   // completed_only and field 11 is not 1
  before_start,    // time_scale/offset put it before 0
  after_horizon,   // submitted at or after the end of the run
};
constexpr size_t swf_skip_reasons = 6;
// Snake-case name ("no_submit_time"), used in the results file, and a phrase for messages.
const char* swf_skip_name(SwfSkip r);
const char* swf_skip_text(SwfSkip r);

struct SwfSkipReport {
  static constexpr size_t first_lines_kept = 5;
  size_t records = 0;  // job records in the file
  size_t used = 0;     // replayed (submitted before the horizon)
  std::array<size_t, swf_skip_reasons> skipped{};
  std::array<std::vector<int>, swf_skip_reasons> first_lines;  // up to first_lines_kept, in file order
  size_t total_skipped() const;
  // "12 of 40 records skipped: 3 no run time (lines 7, 9, 12), ..." ("" when none is skipped).
  std::string text(const std::string& path) const;
};

struct SwfSelection {
  struct Use {
    const SwfJob* record;
    double submit_s;  // after rebase, time_scale and offset
  };
  std::vector<Use> usable;  // in submit order (stable), including those at or after the horizon
  SwfSkipReport report;
};

// Throws std::invalid_argument on a bad mapping (units_per_processor or time_scale <= 0).
SwfSelection select_swf(const SwfTrace& trace, const SwfMapping& mapping, double horizon_s);

}  // namespace sovcap::workload
