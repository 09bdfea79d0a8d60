// `sovcap sweep`: load the spec, decide what is left to run, run it (locally,
// or shared over MPI ranks), then merge every point's result into one table.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "simulator/sweep/commands.hpp"
#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/interrupt.hpp"
#include "simulator/sweep/kpis.hpp"
#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/local_pool.hpp"
#include "simulator/sweep/merge.hpp"
#include "simulator/sweep/mpi_session.hpp"
#include "simulator/sweep/slurm.hpp"

#ifdef SOVCAP_HAVE_MPI
#include <mpi.h>
#endif

namespace sovcap::sweep {
namespace {

namespace fs = std::filesystem;

// A finished point whose result can still be read (a file damaged since is not finished).
std::string unreadable(const SweepDir& dir, long i) {
  try {
    (void)read_kpis(dir.result(i));
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

void print_failures(const std::vector<Point>& points, const SweepDir& dir, long max_lines) {
  long shown = 0;
  for (const auto& p : points) {
    std::string damaged = dir.done(p.index) ? unreadable(dir, p.index) : "";
    if (damaged.empty() && (dir.done(p.index) || !fs::exists(dir.failure(p.index)))) continue;
    if (shown++ == max_lines) {
      std::cerr << "  ... (see the error column of " << dir.summary_csv() << ")\n";
      break;
    }
    if (!damaged.empty()) {
      std::cerr << "  " << dir.point_name(p.index) << ": unreadable result (" << damaged << "); --resume runs it again\n";
      continue;
    }
    auto text = read_text_file(dir.failure(p.index));
    auto nl = text.find('\n');
    std::string code = text.substr(0, nl), msg = nl == std::string::npos ? "" : text.substr(nl + 1);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    std::cerr << "  " << dir.point_name(p.index) << ": exit " << code << ": " << msg << " (log: " << dir.log(p.index) << ")\n";
  }
}

int merge_and_report(const SweepSpec& spec, const std::vector<Point>& points, const SweepDir& dir, bool quiet) {
  MergeCounts m = write_summary(spec, points, dir);
  if (m.failed > 0) {
    std::cerr << "sweep: " << m.failed << " of " << points.size() << " points failed:\n";
    print_failures(points, dir, 10);
  }
  if (!quiet)
    std::cout << "sweep: " << points.size() << " points: " << m.ok << " ok, " << m.failed << " failed"
              << (m.missing ? ", " + std::to_string(m.missing) + " not run" : std::string()) << "; " << dir.summary_csv()
              << "\n";
  return (m.failed || m.missing) ? 1 : 0;
}

// Rank 0's preparation of a whole sweep: the directory, the plan, what is left.
int prepare(const SweepArgs& args, const SweepSpec& spec, const std::vector<Point>& points, const SweepDir& dir,
            std::deque<long>& pending) {
  std::string plan = plan_text(spec, points);
  if (!args.resume && dir.has_points()) {
    std::cerr << dir.root << ": error: already holds a sweep's results (use --resume to continue it, or another -o)\n";
    return 2;
  }
  if (args.resume && fs::exists(dir.plan()) && read_text_file(dir.plan()) != plan) {
    std::cerr << dir.root << ": error: the spec has changed since this sweep began (" << dir.plan()
              << " differs); resume with the same spec, or use another -o\n";
    return 2;
  }
  dir.create();
  dir.remove_stale_temps();
  write_file_atomically(dir.plan(), plan);
  for (const auto& p : points) {
    if (args.resume && dir.done(p.index) && unreadable(dir, p.index).empty()) continue;
    if (dir.done(p.index)) std::remove(dir.result(p.index).c_str());  // damaged since: run again
    pending.push_back(p.index);
  }
  return 0;
}

#ifndef SOVCAP_HAVE_MPI
// sovcap itself cannot call OpenMPI (libsimgrid's SMPI exports MPI_Init too):
// under a launcher, hand the whole command line to sovcap-mpi-sweep beside it.
int exec_mpi_sweep(char** argv) {
  auto helper = fs::path(self_executable()).parent_path() / "sovcap-mpi-sweep";
  if (::access(helper.c_str(), X_OK) != 0) {
    std::cerr << "sweep: error: started by an MPI launcher, but " << helper.string()
              << " is missing (build sovcap with OpenMPI: apt-get install libopenmpi-dev)\n";
    return 2;
  }
  std::string path = helper.string();
  argv[0] = path.data();
  std::cout.flush();
  ::execv(path.c_str(), argv);
  std::cerr << "sweep: error: cannot start " << path << ": " << std::strerror(errno) << "\n";
  return 1;
}
#endif

// A sweep directory must be a directory (or a new path).
std::string not_a_sweep_dir(const std::string& root) {
  std::error_code ec;
  auto st = fs::status(root, ec);
  if (st.type() == fs::file_type::not_found || st.type() == fs::file_type::directory) return "";
  if (ec) return ec.message();
  return "exists and is not a directory";
}

}  // namespace

int cmd_sweep(const SweepArgs& args, int* argc, char*** argv) {
#ifndef SOVCAP_HAVE_MPI
  if (launched_by_mpi()) return exec_mpi_sweep(*argv);
#endif
  MpiSession mpi(argc, argv);
  bool talk = mpi.rank() == 0;
  SweepSpec spec;
  std::vector<Point> points;
  try {
    spec = load_spec(args.spec);
    points = expand(spec);
  } catch (const ConfigError& e) {
    if (talk) std::cerr << e.what() << "\n";
    return 2;
  }
  auto usage = [&](const std::string& what) {
    if (talk) std::cerr << "sweep: error: " << what << "\n";
    return 2;
  };
  if (args.jobs < 1) return usage("-j must be at least 1");
  if (args.point >= static_cast<long>(points.size()))
    return usage("--point " + std::to_string(args.point) + " is out of range (the sweep has points 0.." +
                 std::to_string(points.size() - 1) + ")");
  if (args.merge_only + (args.point >= 0) + !args.slurm.empty() > 1)
    return usage("--merge-only, --point and --slurm do not go together");

  SweepDir dir{args.out_dir};
  std::string exe = args.self_exe.empty() ? self_executable() : args.self_exe;
  InterruptGuard guard;
  DirLock lock;
  int locked = 0;
  if (talk) {
    // The directory and its lock first: a second sweep on it stops here, before it writes anything.
    std::error_code ec;
    if (std::string why = not_a_sweep_dir(dir.root); !why.empty())
      locked = usage("-o " + dir.root + ": " + why);
    else if (fs::create_directories(dir.root, ec); ec)
      locked = usage("cannot create " + dir.root + ": " + ec.message());
    else if (std::string holder = lock.take(dir.root, args.point >= 0); !holder.empty())
      locked = usage(dir.root + " is in use by another sweep (" + holder + "); wait for it, or use another -o");
  }
  if (mpi.agree(locked)) return 2;  // every rank stops with rank 0 (none waits for it forever)
  try {
    if (!args.slurm.empty()) {
      if (!talk) return 0;
      dir.create();
      write_file_atomically(dir.plan(), plan_text(spec, points));
      write_file_atomically(args.slurm, slurm_script(exe, spec.path, dir.root, static_cast<long>(points.size())));
      fs::permissions(args.slurm, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add);
      if (!args.quiet)
        std::cout << "sweep: wrote " << args.slurm << " (" << points.size() << " array tasks); submit with: bash "
                  << args.slurm << "\n";
      return 0;
    }
    if (args.merge_only) return talk ? merge_and_report(spec, points, dir, args.quiet) : 0;
    if (args.point >= 0) {
      if (!talk) return 0;
      dir.create();
      if (args.resume && dir.done(args.point)) return 0;
      PointOutcome o = run_point_blocking(exe, spec, dir, points[static_cast<size_t>(args.point)]);
      if (!o.ok()) std::cerr << dir.point_name(args.point) << ": " << o.message << " (log: " << dir.log(args.point) << ")\n";
      return o.ok() ? 0 : (o.exit_code >= 128 ? o.exit_code : 1);
    }

    std::deque<long> pending;
    int code = mpi.agree(talk ? prepare(args, spec, points, dir, pending) : 0);
    if (code) return code;
    long already = static_cast<long>(points.size() - pending.size());
    SweepRun run{spec, points, dir, exe, args.jobs, args.quiet, {}};
    RunCounts counts;
#ifdef SOVCAP_HAVE_MPI
    if (mpi.shared()) {
      counts = talk ? run_mpi_master(run, std::move(pending), already, mpi.size()) : run_mpi_worker(run);
      if (!talk) return 0;
    } else {
      counts = run_local(run, std::move(pending), already);
    }
#else
    counts = run_local(run, std::move(pending), already);
#endif
    if (counts.signal) {
      std::cerr << "sweep: interrupted; finished points are kept in " << dir.root << "/points (rerun with --resume)\n";
      return 128 + counts.signal;
    }
    return merge_and_report(spec, points, dir, args.quiet);
  } catch (const std::exception& e) {
    std::cerr << "sweep: error: " << e.what() << "\n";
#ifdef SOVCAP_HAVE_MPI
    if (mpi.shared()) MPI_Abort(MPI_COMM_WORLD, 1);  // the other ranks would wait for this one forever
#endif
    return 1;
  }
}

}  // namespace sovcap::sweep
