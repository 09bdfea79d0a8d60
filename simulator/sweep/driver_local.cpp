#include <unistd.h>

#include <chrono>
#include <thread>

#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/interrupt.hpp"
#include "simulator/sweep/local_pool.hpp"
#include "simulator/sweep/progress.hpp"

namespace sovcap::sweep {

std::string self_executable() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string("/proc/self/exe");
}

RunCounts run_local(const SweepRun& run, std::deque<long> pending, long already) {
  RunCounts c;
  LocalPool pool(run.exe, run.spec, run.dir, run.jobs);
  Progress progress("sweep", static_cast<long>(run.points.size()), already, !run.quiet);
  while (!pending.empty() || pool.running() > 0) {
    if ((c.signal = interrupt_signal())) {
      pool.stop_all();
      break;
    }
    while (pool.has_slot() && !pending.empty()) {
      pool.start(run.points[static_cast<size_t>(pending.front())]);
      pending.pop_front();
    }
    for (const auto& o : pool.reap()) {
      ++c.ran;
      if (!o.ok()) ++c.failed;
      if (run.on_done) run.on_done(o);
    }
    progress.update(already + c.ran, c.failed, static_cast<long>(pool.running()));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  progress.finish();
  return c;
}

}  // namespace sovcap::sweep
