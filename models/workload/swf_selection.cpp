#include "models/workload/swf_selection.hpp"

#include <algorithm>
#include <stdexcept>

namespace sovcap::workload {
namespace {

constexpr const char* kNames[swf_skip_reasons] = {"no_submit_time", "no_run_time", "no_processors",
                                                  "not_completed",  "before_start", "after_horizon"};
constexpr const char* kTexts[swf_skip_reasons] = {
    "unknown submit time (field 2)", "no run time (field 4 is -1 or 0)",
    "no processor count (fields 5 and 8)", "not completed (field 11 is not 1; completed_only)",
    "before the start (time_scale/offset)", "at or after the end of the run"};

}  // namespace

const char* swf_skip_name(SwfSkip r) { return kNames[static_cast<size_t>(r)]; }
const char* swf_skip_text(SwfSkip r) { return kTexts[static_cast<size_t>(r)]; }

size_t SwfSkipReport::total_skipped() const {
  size_t n = 0;
  for (size_t c : skipped) n += c;
  return n;
}

std::string SwfSkipReport::text(const std::string& path) const {
  if (total_skipped() == 0) return "";
  std::string out = path + ": " + std::to_string(total_skipped()) + " of " + std::to_string(records) +
                    " SWF records not replayed:";
  bool first = true;
  for (size_t r = 0; r < swf_skip_reasons; ++r) {
    if (skipped[r] == 0) continue;
    out += std::string(first ? " " : "; ") + std::to_string(skipped[r]) + " " + kTexts[r] + " (line";
    out += first_lines[r].size() > 1 ? "s " : " ";
    for (size_t i = 0; i < first_lines[r].size(); ++i) out += (i ? ", " : "") + std::to_string(first_lines[r][i]);
    out += skipped[r] > first_lines[r].size() ? ", ...)" : ")";
    first = false;
  }
  return out;
}

SwfSelection select_swf(const SwfTrace& trace, const SwfMapping& m, double horizon_s) {
  if (!(m.units_per_processor > 0) || !(m.time_scale > 0))
    throw std::invalid_argument("units_per_processor and time_scale must be > 0");
  SwfSelection sel;
  auto& rep = sel.report;
  rep.records = trace.jobs.size();
  auto skip = [&rep](SwfSkip why, const SwfJob& r) {
    auto k = static_cast<size_t>(why);
    ++rep.skipped[k];
    if (rep.first_lines[k].size() < SwfSkipReport::first_lines_kept) rep.first_lines[k].push_back(r.line);
  };
  std::vector<const SwfJob*> ok;
  for (const auto& r : trace.jobs) {
    int64_t procs = r.allocated_procs > 0 ? r.allocated_procs : r.requested_procs;
    if (r.submit_s < 0) skip(SwfSkip::no_submit_time, r);
    else if (!(r.run_s > 0)) skip(SwfSkip::no_run_time, r);
    else if (procs <= 0) skip(SwfSkip::no_processors, r);
    else if (m.completed_only && r.status != 1) skip(SwfSkip::not_completed, r);
    else ok.push_back(&r);
  }
  // SWF files should be sorted by submit time; make sure, stably.
  std::stable_sort(ok.begin(), ok.end(), [](const SwfJob* a, const SwfJob* b) { return a->submit_s < b->submit_s; });
  const double origin = m.rebase && !ok.empty() ? ok.front()->submit_s : 0;
  std::vector<const SwfJob*> early, late;
  for (const SwfJob* r : ok) {
    const double t = (r->submit_s - origin) * m.time_scale + m.offset_s;
    if (t < 0) {
      early.push_back(r);
      continue;
    }
    sel.usable.push_back({r, t});
    if (t < horizon_s) ++rep.used;
    else late.push_back(r);
  }
  // Counted in file order, so the first lines kept are the file's first, whatever the submit order.
  auto by_line = [](const SwfJob* a, const SwfJob* b) { return a->line < b->line; };
  std::sort(early.begin(), early.end(), by_line);
  std::sort(late.begin(), late.end(), by_line);
  for (const SwfJob* r : early) skip(SwfSkip::before_start, *r);
  for (const SwfJob* r : late) skip(SwfSkip::after_horizon, *r);
  return sel;
}

}  // namespace sovcap::workload
