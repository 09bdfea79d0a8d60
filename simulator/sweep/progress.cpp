#include "simulator/sweep/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace sovcap::sweep {

Progress::Progress(std::string label, long total, long already, bool enabled)
    : label_(std::move(label)), total_(total), already_(already), enabled_(enabled && ::isatty(2)),
      start_(std::chrono::steady_clock::now()), last_(start_ - std::chrono::seconds(1)) {}

std::string format_eta(double s) {
  long t = static_cast<long>(s + 0.5);
  if (t >= 3600) return fmt::format("{}h{:02d}m", t / 3600, (t % 3600) / 60);
  if (t >= 60) return fmt::format("{}m{:02d}s", t / 60, t % 60);
  return fmt::format("{}s", t);
}

void Progress::update(long done, long failed, long running) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200) && done < total_) return;
  last_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  long fresh = done - already_;
  std::string eta = fresh > 0 ? ", ETA " + format_eta(elapsed / static_cast<double>(fresh) * static_cast<double>(total_ - done)) : "";
  std::fprintf(stderr, "\r%s: %ld/%ld done, %ld failed, %ld running%s\033[K", label_.c_str(), done, total_, failed,
               running, eta.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) std::fputc('\n', stderr);
  drawn_ = false;
}

}  // namespace sovcap::sweep
