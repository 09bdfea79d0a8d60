#pragma once
// One simulation of one scenario, written to one HDF5 file. One per process:
// SimGrid allows a single engine per process.
#include <cstdint>
#include <string>

#include "simulator/config/scenario.hpp"

namespace sovcap::engine {

struct RunOptions {
  std::string output_path;  // the target .h5; written via a temporary file and renamed
  bool progress = false;    // progress line on stderr
  // A scenario that moves no data runs its arrivals and pools from one calendar between the
  // controller's steps instead of one actor per region and site (same results; see
  // local_calendar.cpp). false: always the actors (`sovcap run --engine actors`).
  bool local_calendar = true;
  // Evaluation mode (`sovcap run --kpis-only`): the result holds the summary only, for searches.
  bool kpis_only = false;
};

struct RunStats {
  double wall_s = 0;
  uint64_t jobs_submitted = 0;
  uint64_t jobs_rejected = 0;
  uint64_t comms = 0;       // SimGrid communications started
};

// Throws on failure (the target is untouched); engine::Interrupted on SIGINT/SIGTERM.
RunStats run_scenario(const config::Scenario& scenario, const RunOptions& options);

}  // namespace sovcap::engine
