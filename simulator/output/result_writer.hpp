#pragma once
// Writes one run's result as HDF5 (schema_version in figures.hpp, see docs/results.md):
// into "<target>.tmp.<pid>" beside the target while the run goes, renamed
// onto the target only by finish(), so a failed or killed run never leaves a
// truncated result and never touches an existing target.
#include <memory>
#include <string>
#include <vector>

#include "models/workload/job.hpp"
#include "simulator/output/figures.hpp"
#include "simulator/output/output_error.hpp"
#include "simulator/output/cost_water.hpp"
#include "simulator/output/samples.hpp"

namespace sovcap::output {

// What a result holds. kpis: the root attributes, /summary and /topology only (an
// evaluation for a search: no /timeseries, no /jobs); the summary is computed from the
// same samples and jobs, so its numbers are the full run's, bit for bit.
enum class Contents { full, kpis };

class ResultWriter {
 public:
  // Creates the temporary file with the schema's skeleton (root attributes,
  // groups, empty series and /jobs, the topology tables). Throws H5Error (a std::runtime_error).
  ResultWriter(std::string target_path, RunInfo info, Contents contents = Contents::full);
  // One step of every site (in info.sites order) and link (info.links order);
  // t_s is the start of the step, non-decreasing.
  void add_sample(double t_s, const std::vector<SiteSample>& sites, const std::vector<LinkSample>& links);
  // Streamed to /jobs a buffer (16k rows) at a time; throws on a class, region or site index out of range.
  void add_job(const workload::Job& job);
  // The backbone's results (per-region network columns, network KPIs, /events), written by finish().
  void set_network(NetworkResults network) { network_ = std::move(network); has_network_ = true; }
  // Costs and water per site and in all, written by finish().
  void set_cost_water(CostWaterResults cw) { cost_water_ = std::move(cw); has_cost_water_ = true; }
  // Writes the summaries and the remaining root attributes (created_utc, wall_s),
  // closes the file and renames it onto the target. `extras`: one per site, or empty.
  void finish(double wall_s, const std::vector<SiteExtras>& extras);
  // Unfinished: closes and removes the temporary file; the target is untouched.
  ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  const std::string& target_path() const { return target_; }
  const std::string& temp_path() const { return temp_; }

  // Async-signal-safe best effort: unlink the temporary file of the live writer, if any.
  static void remove_temp_files_on_signal();

 private:
  struct State;
  void close_all() noexcept;
  std::string target_, temp_;
  RunInfo info_;
  Contents contents_;
  std::unique_ptr<State> st_;
  bool finished_ = false;
  NetworkResults network_;
  bool has_network_ = false;
  CostWaterResults cost_water_;
  bool has_cost_water_ = false;
};

}  // namespace sovcap::output
