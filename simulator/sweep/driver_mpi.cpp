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

enum Tag { kRequest = 1, kAssign = 2, kDone = 3, kPoint = 4, kStop = 5 };

[[noreturn]] void abort_on_signal(LocalPool& pool, int sig) {
  pool.stop_all();
  // Ends every rank; their children die with them (see child_process.hpp).
  MPI_Abort(MPI_COMM_WORLD, 128 + sig);
  std::_Exit(128 + sig);
}

void idle() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

// A point as one message: index and seed, then each override as key US value, one a line.
std::string pack(const Point& p) {
  std::string s = std::to_string(p.index) + "\n" + std::to_string(p.seed) + "\n";
  for (const auto& [k, v] : p.params) s += k + '\x1f' + v + '\n';
  return s;
}

Point unpack(const std::string& s) {
  Point p;
  size_t a = s.find('\n'), b = s.find('\n', a + 1);
  p.index = std::stol(s.substr(0, a));
  p.seed = std::stoull(s.substr(a + 1, b - a - 1));
  for (size_t i = b + 1; i < s.size();) {
    size_t nl = s.find('\n', i), us = s.find('\x1f', i);
    p.params.emplace_back(s.substr(i, us - i), s.substr(us + 1, nl - us - 1));
    i = nl + 1;
  }
  return p;
}

void send_point(const Point& p, int rank) {
  std::string m = pack(p);
  MPI_Send(m.data(), static_cast<int>(m.size()), MPI_CHAR, rank, kPoint, MPI_COMM_WORLD);
}

// A point another rank finished (its index and exit code): counted as the local pool's own.
void take_remote_done(const SweepRun& run, const MPI_Status& st, RunCounts& c, long& remote_done) {
  long msg[2] = {0, 0};  // point, exit code
  MPI_Recv(msg, 2, MPI_LONG, st.MPI_SOURCE, kDone, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  ++remote_done;
  ++c.ran;
  if (msg[1] != 0) ++c.failed;
  if (run.on_done) run.on_done(PointOutcome{msg[0], static_cast<int>(msg[1]), msg[1] ? "failed on another rank" : ""});
}

// A worker's finished points, each reported to rank 0 (index, exit code); true when there was one.
bool report_finished(LocalPool& pool, RunCounts& c) {
  bool any = false;
  for (const auto& o : pool.reap()) {
    long msg[2] = {o.point, o.ok() ? 0L : (o.exit_code ? o.exit_code : 1L)};
    MPI_Send(msg, 2, MPI_LONG, 0, kDone, MPI_COMM_WORLD);
    ++c.ran;
    if (!o.ok()) ++c.failed;
    any = true;
  }
  return any;
}

// A worker with a free slot asks rank 0 for a point; it then waits for the answer.
bool ask_for_work() {
  int dummy = 0;
  MPI_Send(&dummy, 1, MPI_INT, 0, kRequest, MPI_COMM_WORLD);
  return true;
}

// Rank 0 runs points too when it has a free slot; true when it started or reaped one.
bool run_on_rank0(const SweepRun& run, LocalPool& pool, std::deque<long>& pending, RunCounts& c) {
  bool busy = false;
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
  return busy;
}

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
        take_remote_done(run, st, c, remote_done);
      }
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    }
    if (run_on_rank0(run, pool, pending, c)) busy = true;
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
    if (report_finished(pool, c)) busy = true;
    if (!stopped && !waiting && pool.has_slot()) waiting = ask_for_work();
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

MpiBatches::~MpiBatches() { release(); }

RunCounts MpiBatches::run(const SweepRun& run, std::deque<long> pending) {
  RunCounts c;
  LocalPool pool(run.exe, run.spec, run.dir, run.jobs);
  long remote_assigned = 0, remote_done = 0;
  auto assign = [&](int rank) {
    send_point(run.points[static_cast<size_t>(pending.front())], rank);
    pending.pop_front();
    ++remote_assigned;
  };
  // Ranks that asked during the last batch's tail go first: they wait for work.
  while (!pending.empty() && !asking_.empty()) {
    assign(asking_.front());
    asking_.pop_front();
  }
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
        if (!pending.empty())
          assign(st.MPI_SOURCE);
        else
          asking_.push_back(st.MPI_SOURCE);  // answered by the next batch or by release()
      } else {
        take_remote_done(run, st, c, remote_done);
      }
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
    }
    if (run_on_rank0(run, pool, pending, c)) busy = true;
    if (pending.empty() && pool.running() == 0 && remote_done == remote_assigned) break;
    if (!busy) idle();
  }
  return c;
}

void MpiBatches::release() {
  if (released_) return;
  released_ = true;
  for (int rank : asking_) MPI_Send(nullptr, 0, MPI_CHAR, rank, kStop, MPI_COMM_WORLD), ++stopped_;
  asking_.clear();
  // Every other rank asks again once its slots are free: answer each with stop.
  while (stopped_ < world_size_ - 1) {
    MPI_Status st;
    MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
    if (st.MPI_TAG == kRequest) {
      int dummy = 0;
      MPI_Recv(&dummy, 1, MPI_INT, st.MPI_SOURCE, kRequest, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      MPI_Send(nullptr, 0, MPI_CHAR, st.MPI_SOURCE, kStop, MPI_COMM_WORLD);
      ++stopped_;
    } else {  // a point's end after a failure cut the batch short: nobody records it now
      long msg[2];
      MPI_Recv(msg, 2, MPI_LONG, st.MPI_SOURCE, kDone, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
  }
}

RunCounts serve_mpi_batches(const std::string& exe, const SweepSpec& spec, const SweepDir& dir, int jobs) {
  RunCounts c;
  LocalPool pool(exe, spec, dir, jobs);
  bool stopped = false, waiting = false;
  while (!(stopped && pool.running() == 0)) {
    if (int sig = interrupt_signal()) abort_on_signal(pool, sig);
    bool busy = false;
    if (report_finished(pool, c)) busy = true;
    if (!stopped && !waiting && pool.has_slot()) waiting = ask_for_work();
    if (waiting) {
      int flag = 0;
      MPI_Status st;
      MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
      if (flag && (st.MPI_TAG == kPoint || st.MPI_TAG == kStop)) {
        int n = 0;
        MPI_Get_count(&st, MPI_CHAR, &n);
        std::string m(static_cast<size_t>(n), '\0');
        MPI_Recv(m.data(), n, MPI_CHAR, 0, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        waiting = false;
        busy = true;
        if (st.MPI_TAG == kStop)
          stopped = true;
        else
          pool.start(unpack(m));
      }
    }
    if (!busy) idle();
  }
  return c;
}

}  // namespace sovcap::sweep
#endif
