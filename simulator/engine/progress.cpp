#include "simulator/engine/progress.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include "models/power/calendar.hpp"

namespace sovcap::engine {

double wall_clock_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Progress::Progress(double horizon_s, int64_t start_utc_s, double wall_start_s, bool enabled)
    : horizon_s_(horizon_s), start_utc_s_(start_utc_s), wall_start_s_(wall_start_s), enabled_(enabled) {}

void Progress::update(double sim_s, uint64_t jobs) {
  if (!enabled_) return;
  double now = wall_clock_s();
  if (now - last_draw_s_ < 0.25) return;
  last_draw_s_ = now;
  double elapsed = now - wall_start_s_;
  double done = horizon_s_ > 0 ? sim_s / horizon_s_ : 1;
  double eta = done > 0 ? elapsed * (1 - done) / done : 0;
  std::string date = power::format_iso_utc(start_utc_s_ + static_cast<int64_t>(sim_s));
  date[10] = ' ';
  date.resize(16);  // "YYYY-MM-DD HH:MM"
  std::fprintf(stderr, "\r%s  %5.1f%%  %8.0f jobs/s  ETA %5.1fs ", date.c_str(), 100 * done,
               elapsed > 0 ? static_cast<double>(jobs) / elapsed : 0.0, eta);
}

void Progress::finish(uint64_t jobs) {
  if (!enabled_) return;
  double elapsed = wall_clock_s() - wall_start_s_;
  std::fprintf(stderr, "\rsimulated %llu jobs in %.1f s%30s\n", static_cast<unsigned long long>(jobs), elapsed, "");
}

}  // namespace sovcap::engine
