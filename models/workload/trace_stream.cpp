#include "models/workload/trace_stream.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <stdexcept>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>

#include "models/seeds/streams.hpp"

namespace sovcap::workload {
namespace {

// The weights a class's jobs are dealt to regions by.
std::vector<double> class_region_weights(const JobClassSpec& cls, const std::vector<RegionSpec>& regions) {
  if (!cls.region_weights.empty()) {
    if (cls.region_weights.size() != regions.size())
      throw std::invalid_argument("class '" + cls.id + "': region_weights has " +
                                  std::to_string(cls.region_weights.size()) + " entries for " +
                                  std::to_string(regions.size()) + " regions");
    return cls.region_weights;
  }
  std::vector<double> w;
  for (const auto& r : regions) w.push_back(r.weight);
  return w;
}

// Fields every trace job takes from its class.
Job job_of_class(const JobClassSpec& cls, int class_index, double submit_s) {
  Job j;
  j.class_index = class_index;
  j.input_gb = cls.input_gb;
  j.output_gb = cls.output_gb;
  j.priority = cls.priority;
  j.preemptible = cls.preemptible;
  j.kill_at_time_limit = cls.kill_at_time_limit;
  j.checkpoint_interval_s = cls.checkpoint_interval_s;
  j.deadline_s = cls.flexible && cls.deadline_s > 0 ? submit_s + cls.deadline_s
                                                    : std::numeric_limits<double>::infinity();
  j.submit_s = submit_s;
  return j;
}

void check_region(const std::vector<RegionSpec>& regions, int region_index) {
  if (region_index < 0 || static_cast<size_t>(region_index) >= regions.size())
    throw std::invalid_argument("region index " + std::to_string(region_index) + " out of range (" +
                                std::to_string(regions.size()) + " regions)");
}

}  // namespace

WeightedRoundRobin::WeightedRoundRobin(std::vector<double> weights, uint64_t seed)
    : weights_(std::move(weights)), current_(weights_.size(), 0.0) {
  for (double w : weights_) {
    if (!std::isfinite(w) || w < 0) throw std::invalid_argument("region weights must be >= 0");
    total_ += w;
  }
  if (total_ <= 0) throw std::invalid_argument("region weights are all 0");
  // A seed-dependent start: any bounded initial credit keeps the long-run shares exact.
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_01<double> u01;
  for (size_t i = 0; i < current_.size(); ++i)
    if (weights_[i] > 0) current_[i] = u01(rng) * total_;
}

int WeightedRoundRobin::next() {
  size_t best = 0;
  for (size_t i = 0; i < current_.size(); ++i) {
    current_[i] += weights_[i];
    if (weights_[i] > 0 && (weights_[best] == 0 || current_[i] > current_[best])) best = i;
  }
  current_[best] -= total_;
  return static_cast<int>(best);
}

TraceStream::TraceStream(const SwfTrace& trace, const SwfMapping& m, const std::vector<JobClassSpec>& classes,
                         const std::vector<RegionSpec>& regions, int region_index, uint64_t seed, double horizon_s) {
  check_region(regions, region_index);
  if (m.class_index < 0 || static_cast<size_t>(m.class_index) >= classes.size())
    throw std::invalid_argument("SWF class index " + std::to_string(m.class_index) + " out of range");
  const auto& cls = classes[m.class_index];
  const SwfSelection sel = select_swf(trace, m, horizon_s);
  skipped_ = sel.report.total_skipped() - sel.report.skipped[static_cast<size_t>(SwfSkip::after_horizon)];

  WeightedRoundRobin deal(class_region_weights(cls, regions), seeds::trace_regions(seed, 0));
  for (const auto& [r, t] : sel.usable) {
    int region = deal.next();  // dealt before the horizon cut, so the deal does not depend on it
    if (region != region_index || !(t < horizon_s)) continue;
    Job j = job_of_class(cls, m.class_index, t);
    j.origin_region = region;
    int64_t procs = r->allocated_procs > 0 ? r->allocated_procs : r->requested_procs;
    double units = std::ceil(static_cast<double>(procs) * m.units_per_processor);
    j.units = static_cast<int32_t>(std::clamp(units, 1.0, static_cast<double>(std::numeric_limits<int32_t>::max())));
    j.runtime_s = r->run_s;
    // A known limit below the run time is kept when the class kills at the limit (the job is killed
    // there); otherwise the job ran past it in the log, and the class's estimate stands in.
    bool keep_limit = r->requested_s >= r->run_s || (cls.kill_at_time_limit && r->requested_s > 0);
    j.requested_s = keep_limit ? r->requested_s : r->run_s * std::max(1.0, cls.estimate_factor);
    jobs_.push_back(j);
  }
}

TraceStream::TraceStream(const CsvTrace& trace, const std::vector<JobClassSpec>& classes,
                         const std::vector<RegionSpec>& regions, int region_index, uint64_t seed, double horizon_s) {
  check_region(regions, region_index);
  auto class_of = [&](const CsvJob& r) {
    for (size_t k = 0; k < classes.size(); ++k)
      if (classes[k].id == r.class_id) return static_cast<int>(k);
    std::string known;
    for (const auto& c : classes) known += (known.empty() ? "" : ", ") + c.id;
    throw TraceError(trace.path, r.line, "unknown class '" + r.class_id + "' (classes: " + known + ")");
  };
  auto region_of = [&](const CsvJob& r) {
    for (size_t i = 0; i < regions.size(); ++i)
      if (regions[i].id == r.region_id) return static_cast<int>(i);
    std::string known;
    for (const auto& g : regions) known += (known.empty() ? "" : ", ") + g.id;
    throw TraceError(trace.path, r.line, "unknown region '" + r.region_id + "' (regions: " + known + ")");
  };

  std::vector<const CsvJob*> rows;
  rows.reserve(trace.jobs.size());
  for (const auto& r : trace.jobs) rows.push_back(&r);
  jobs_.reserve(rows.size() / regions.size() + 1);  // an even share; grows if this region has more
  std::stable_sort(rows.begin(), rows.end(), [](const CsvJob* a, const CsvJob* b) { return a->submit_s < b->submit_s; });

  std::vector<std::unique_ptr<WeightedRoundRobin>> deal(classes.size());  // per class, made on first use
  for (const CsvJob* r : rows) {
    int k = class_of(*r);  // every row is checked, whichever region it belongs to
    int region;
    if (r->region_id.empty()) {
      if (!deal[k])
        deal[k] = std::make_unique<WeightedRoundRobin>(class_region_weights(classes[k], regions),
                                                       seeds::trace_regions(seed, k + 1));
      region = deal[k]->next();
    } else {
      region = region_of(*r);
    }
    if (region != region_index || !(r->submit_s < horizon_s)) continue;
    const auto& cls = classes[k];
    Job j = job_of_class(cls, k, r->submit_s);
    j.origin_region = region;
    j.units = static_cast<int32_t>(r->units);
    j.runtime_s = r->runtime_s;
    j.requested_s = std::isnan(r->requested_s) ? r->runtime_s * std::max(1.0, cls.estimate_factor) : r->requested_s;
    if (!std::isnan(r->input_gb)) j.input_gb = r->input_gb;
    if (!std::isnan(r->output_gb)) j.output_gb = r->output_gb;
    jobs_.push_back(j);
  }
}

bool TraceStream::done() const { return pos_ >= jobs_.size(); }

double TraceStream::peek_s() const { return done() ? std::numeric_limits<double>::infinity() : jobs_[pos_].submit_s; }

Job TraceStream::next() {
  if (done()) throw std::logic_error("TraceStream::next() after the last job");
  return jobs_[pos_++];
}

}  // namespace sovcap::workload
