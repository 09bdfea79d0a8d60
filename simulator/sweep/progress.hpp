#pragma once
// One self-rewriting progress line on stderr, only when stderr is a terminal:
// "sweep: 12/40 done, 1 failed, 2 running, ETA 3m20s".
#include <chrono>
#include <string>

namespace sovcap::sweep {

class Progress {
 public:
  // `total` points of which `already` were done before this run (not counted in the rate).
  Progress(std::string label, long total, long already, bool enabled);
  void update(long done, long failed, long running);
  void finish();  // ends the line

 private:
  std::string label_;
  long total_, already_;
  bool enabled_, drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// "3m20s", "1h05m", "42s".
std::string format_eta(double seconds);

}  // namespace sovcap::sweep
