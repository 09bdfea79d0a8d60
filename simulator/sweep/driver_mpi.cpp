// Dynamic sharing of points over MPI: workers ask rank 0 for one point at a
// time whenever they have a free slot, so fast and slow points balance out.
// Results travel through the shared filesystem, not through MPI.
#ifdef SOVCAP_HAVE_MPI
#include <mpi.h>

#include <chrono>
#include <thread>

#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/interrupt.hpp"
#include "simulator/sweep/local_pool.hpp"
#include "simulator/sweep/progress.hpp"

namespace sovcap::sweep {
namespace {

enum Tag { kRequest = 1, kAssign = 2, kDone = 3 };

[[noreturn]] void abort_on_signal(LocalPool& pool, int sig) {
  pool.stop_all();
  // Ends every rank; their children die with them (see child_process.hpp).
  MPI_Abort(MPI_COMM_WORLD, 128 + sig);
  std::_Exit(128 + sig);
}

void idle() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

}  // namespace

RunCounts run_mpi_master(const SweepRun& run, std::deque<long> pending, long already, int world_size) {
  RunCounts c;
  LocalPool pool(run.exe, run.spec, run.dir, run.jobs);
  Progress progress("sweep", static_cast<long>(run.points.size()), already, !run.quiet);
  long remote_assigned = 0, remote_done = 0;
  int stopped = 0;
  while (true) {
    if (int sig = interrupt_signal()) abort_on_signal(pool, sig);
    bool busy = false;
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    while (flag) {
      busy = true;
      if (st.MPI_TAG == kRequest) {
        int dummy = 0;
        MPI_Recv(&dummy, 1, MPI_INT, st.MPI_SOURCE, kRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        long next = -1;
        if (!pending.empty()) {
          next = pending.front();
          pending.pop_front();
          ++remote_assigned;
        } else {
          ++stopped;
        }
        MPI_Send(&next, 1, MPI_LONG, st.MPI_SOURCE, kAssign, MPI_COMM_WORLD);
      } else {
        long msg[2] = {0, 0};  // point, exit code
        MPI_Recv(msg, 2, MPI_LONG, st.MPI_SOURCE, kDone, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        ++remote_done;
        ++c.ran;
        if (msg[1] != 0) ++c.failed;
        if (run.on_done) run.on_done(PointOutcome{msg[0], static_cast<int>(msg[1]), msg[1] ? "failed on another rank" : ""});
      }
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    }
    // Rank 0 runs points too when it has a free slot.
    while (pool.has_slot() && !pending.empty()) {
      pool.start(run.points[static_cast<size_t>(pending.front())]);
      pending.pop_front();
      busy = true;
    }
    for (const auto& o : pool.reap()) {
      ++c.ran;
      if (!o.ok()) ++c.failed;
      if (run.on_done) run.on_done(o);
      busy = true;
    }
    progress.update(already + c.ran, c.failed, static_cast<long>(pool.running()) + remote_assigned - remote_done);
    if (pending.empty() && pool.running() == 0 && remote_done == remote_assigned && stopped == world_size - 1) break;
    if (!busy) idle();
  }
  progress.finish();
  return c;
}

RunCounts run_mpi_worker(const SweepRun& run) {
  RunCounts c;
  LocalPool pool(run.exe, run.spec, run.dir, run.jobs);
  bool stopped = false, waiting = false;
  while (!(stopped && pool.running() == 0)) {
    if (int sig = interrupt_signal()) abort_on_signal(pool, sig);
    bool busy = false;
    for (const auto& o : pool.reap()) {
      long msg[2] = {o.point, o.ok() ? 0L : (o.exit_code ? o.exit_code : 1L)};
      MPI_Send(msg, 2, MPI_LONG, 0, kDone, MPI_COMM_WORLD);
      ++c.ran;
      if (!o.ok()) ++c.failed;
      busy = true;
    }
    if (!stopped && !waiting && pool.has_slot()) {
      int dummy = 0;
      MPI_Send(&dummy, 1, MPI_INT, 0, kRequest, MPI_COMM_WORLD);
      waiting = true;
    }
    if (waiting) {
      int flag = 0;
      MPI_Iprobe(0, kAssign, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
      if (flag) {
        long next = -1;
        MPI_Recv(&next, 1, MPI_LONG, 0, kAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        waiting = false;
        busy = true;
        if (next < 0)
          stopped = true;
        else
          pool.start(run.points[static_cast<size_t>(next)]);
      }
    }
    if (!busy) idle();
  }
  return c;
}

}  // namespace sovcap::sweep
#endif
