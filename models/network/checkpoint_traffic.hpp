#pragma once
// The checkpoint data the sites send over the backbone: each running job of a class that
// checkpoints writes `gb` every `every_s` from its start; the engine collects what fell due every
// few minutes and sends it as one batch per site (docs/network.md). Plain bookkeeping, no engine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace sovcap::network {

class CheckpointTraffic {
 public:
  explicit CheckpointTraffic(size_t sites) : jobs_(sites), due_(sites) {}

  // Job `id` (re)started at site at now_s: its first checkpoint is due at now_s + every_s (a
  // restart starts the count again).
  void start(int site, uint64_t id, double gb, double every_s, double now_s);
  // Job `id` ended at site: no more checkpoints (nothing if it never checkpointed).
  void stop(int site, uint64_t id);
  // GB of every checkpoint of the site due by now_s (inclusive) and not yet collected, summed in
  // job-id order (so the sum's bits do not depend on the due order); each job's next is set past now_s.
  double collect_gb(int site, double now_s);

 private:
  struct Job {
    double gb, every_s, next_s;
  };
  std::vector<std::map<uint64_t, Job>> jobs_;                     // by site, by job id
  std::vector<std::set<std::pair<double, uint64_t>>> due_;        // by site: (next checkpoint, job id)
  std::vector<uint64_t> scratch_;
};

}  // namespace sovcap::network
