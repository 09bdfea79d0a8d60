#include "simulator/engine/job_source.hpp"

#include "models/workload/arrival_stream.hpp"
#include "models/workload/trace_stream.hpp"

namespace sovcap::engine {

std::unique_ptr<workload::JobSource> make_job_source(const config::Scenario& sc, int region) {
  if (sc.swf_trace)
    return std::make_unique<workload::TraceStream>(*sc.swf_trace, sc.swf, sc.classes, sc.regions, region, sc.seed,
                                                   sc.duration_s);
  if (sc.trace)
    return std::make_unique<workload::TraceStream>(*sc.trace, sc.classes, sc.regions, region, sc.seed, sc.duration_s);
  if (!sc.trace_path.empty())
    return std::make_unique<workload::TraceStream>(workload::read_csv_trace(sc.trace_path), sc.classes, sc.regions,
                                                   region, sc.seed, sc.duration_s);
  return std::make_unique<workload::ArrivalStream>(sc.classes, sc.regions, region, sc.seed, sc.start_utc_s,
                                                   sc.duration_s);
}

}  // namespace sovcap::engine
