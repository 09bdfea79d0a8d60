#pragma once
// Jobs from a recorded trace (SWF or CSV) for one region, in submit order,
// behind the same done/peek_s/next interface as ArrivalStream.
#include <cstdint>
#include <vector>

#include "models/workload/csv_trace.hpp"
#include "models/workload/job_source.hpp"
#include "models/workload/params.hpp"
#include "models/workload/swf_reader.hpp"
#include "models/workload/swf_selection.hpp"

namespace sovcap::workload {

// Smooth weighted round-robin (as in nginx's upstream balancer): over n picks
// each index i is chosen n * w_i / sum(w) times to within a small constant,
// interleaved evenly. The starting phase comes from the seed.
class WeightedRoundRobin {
 public:
  WeightedRoundRobin(std::vector<double> weights, uint64_t seed);  // throws std::invalid_argument on bad weights
  int next();

 private:
  std::vector<double> weights_, current_;
  double total_ = 0;
};

class TraceStream : public JobSource {
 public:
  // SWF: the records select_swf() keeps (a known submit time, a positive run
  // time, a processor count, allocated else requested; not dropped by the
  // mapping). Regions are dealt by WeightedRoundRobin over the usable jobs
  // in submit order, with the class's region_weights (else the regions'
  // weights) and a generator from (seed), so every region's stream agrees.
  TraceStream(const SwfTrace& trace, const SwfMapping& mapping, const std::vector<JobClassSpec>& classes,
              const std::vector<RegionSpec>& regions, int region_index, uint64_t seed, double horizon_s);

  // CSV: class and region ids map to indices (an unknown id is a TraceError
  // naming the line); rows with an empty region are dealt as for SWF, per class.
  TraceStream(const CsvTrace& trace, const std::vector<JobClassSpec>& classes,
              const std::vector<RegionSpec>& regions, int region_index, uint64_t seed, double horizon_s);

  bool done() const override;
  double peek_s() const override;
  Job next() override;

  size_t size() const { return jobs_.size(); }  // this region's jobs before the horizon
  // Whole-trace records unusable or dropped by the mapping (not those at or after the horizon).
  size_t skipped() const { return skipped_; }

 private:
  std::vector<Job> jobs_;  // sorted by submit_s
  size_t pos_ = 0;
  size_t skipped_ = 0;
};

}  // namespace sovcap::workload
