#pragma once
// The loops that run a sweep's points: locally with -j slots, or shared out
// by rank 0 over MPI. The state of every point is on disk (see layout.hpp).
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/local_pool.hpp"
#include "simulator/sweep/spec.hpp"

namespace sovcap::sweep {

struct SweepRun {
  const SweepSpec& spec;
  const std::vector<Point>& points;
  SweepDir dir;
  std::string exe;
  int jobs = 1;
  bool quiet = false;
  // Called as each point ends, with its outcome (on rank 0 under MPI): a client of the runner
  // (sovcap optimize) records evaluations as they finish.
  std::function<void(const PointOutcome&)> on_done;
};

struct RunCounts {
  long ran = 0, failed = 0;
  int signal = 0;  // SIGINT/SIGTERM that stopped the run, else 0
};

// Runs the pending points (indices), `already` of the total being done before.
RunCounts run_local(const SweepRun& run, std::deque<long> pending, long already);

#ifdef SOVCAP_HAVE_MPI
// Rank 0: hands out the pending points, one per request, and runs some itself.
RunCounts run_mpi_master(const SweepRun& run, std::deque<long> pending, long already, int world_size);
// Ranks > 0: ask rank 0 for points until told to stop.
RunCounts run_mpi_worker(const SweepRun& run);

// A client that makes its points as it goes (sovcap optimize: a generation at a time, on rank 0
// only) keeps the other ranks between batches: rank 0 sends each point itself, not its index.
class MpiBatches {
 public:
  explicit MpiBatches(int world_size) : world_size_(world_size) {}
  ~MpiBatches();  // release()
  MpiBatches(const MpiBatches&) = delete;
  MpiBatches& operator=(const MpiBatches&) = delete;
  // Rank 0: runs the pending points of one batch over every rank (and its own slots); returns
  // when all have ended. The other ranks wait, asking, until the next batch or release().
  RunCounts run(const SweepRun& run, std::deque<long> pending);
  // Rank 0: tells every other rank to stop (once; later calls do nothing).
  void release();

 private:
  int world_size_;
  std::deque<int> asking_;  // ranks whose request for a point is not answered yet
  int stopped_ = 0;
  bool released_ = false;
};
// Ranks > 0 of such a client: run the points rank 0 sends until it releases them.
RunCounts serve_mpi_batches(const std::string& exe, const SweepSpec& spec, const SweepDir& dir, int jobs);
#endif

// The current process's executable (/proc/self/exe), for re-running itself.
std::string self_executable();

}  // namespace sovcap::sweep
