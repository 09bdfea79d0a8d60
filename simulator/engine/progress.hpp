#pragma once
// A one-line progress report on stderr (simulated date, % done, jobs/s, ETA),
// redrawn at most a few times a second, only when stderr is a terminal.
#include <cstdint>

namespace sovcap::engine {

class Progress {
 public:
  Progress(double horizon_s, int64_t start_utc_s, double wall_start_s, bool enabled);
  void update(double sim_s, uint64_t jobs);
  void finish(uint64_t jobs);

 private:
  double horizon_s_;
  int64_t start_utc_s_;
  double wall_start_s_;
  double last_draw_s_ = -1;
  bool enabled_;
};

double wall_clock_s();

}  // namespace sovcap::engine
