// `sovcap optimize`: load the spec, prepare the directory (or resume it), run the search on the
// screening horizon, re-evaluate the front on the scenario's own horizon, write the outputs.
#include "simulator/optimize/command.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>

#include "simulator/optimize/evaluator.hpp"
#include "simulator/optimize/outputs.hpp"
#include "simulator/optimize/pareto.hpp"
#include "simulator/optimize/search.hpp"
#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/interrupt.hpp"
#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/mpi_session.hpp"

namespace sovcap::optimize {
namespace {
namespace fs = std::filesystem;

Fidelity reevaluate(const Spec& spec, Evaluator& ev, const SearchResult& r, const std::vector<long>& front) {
  Fidelity f;
  if (spec.screening_duration.empty() || front.empty()) return f;
  f.screened = true;
  std::vector<std::vector<std::string>> designs;
  for (long i : front) designs.push_back(r.designs[static_cast<size_t>(i)].values);
  f.full = ev.evaluate(designs, "full", spec.generations + 1);
  std::vector<std::vector<double>> pts;
  for (const auto& s : f.full) pts.push_back(minimised(spec, s));
  for (size_t k = 0; k < f.full.size(); ++k) {
    if (!f.full[k].feasible()) continue;
    ++f.still_feasible;
    bool dominated = false;
    for (size_t j = 0; j < f.full.size(); ++j) dominated = dominated || (j != k && f.full[j].feasible() && dominates(pts[j], pts[k]));
    f.still_front += !dominated;
  }
  for (size_t k = 0; k < spec.objectives.size(); ++k) {
    std::vector<double> a, b;
    for (size_t i = 0; i < front.size(); ++i) {
      a.push_back(r.designs[static_cast<size_t>(front[i])].objectives[k]);
      b.push_back(f.full[i].objectives[k]);
    }
    f.kendall.push_back(kendall_tau(a, b));
  }
  return f;
}

void print_front(const Spec& spec, const SearchResult& r, const Outcome& o) {
  std::cout << fmt::format("front: {} non-dominated feasible designs; hypervolume {:.6g}\n", o.front.size(), o.hypervolume);
  for (size_t k = 0; k < o.front.size() && k < 20; ++k) {
    const auto& s = r.designs[static_cast<size_t>(o.front[k])];
    std::string line = fmt::format("  design {:4d}:", s.design);
    for (size_t v = 0; v < spec.variables.size(); ++v) line += " " + spec.variables[v].key + "=" + s.values[v];
    line += " ->";
    for (size_t j = 0; j < spec.objectives.size(); ++j) {
      line += fmt::format(" {}={:.6g}", spec.objectives[j].kpi, s.objectives[j]);
      if (o.fidelity.screened) line += fmt::format(" (full {:.6g})", o.fidelity.full[k].objectives[j]);
    }
    std::cout << line << "\n";
  }
  if (o.front.size() > 20) std::cout << "  ... (" << o.front.size() - 20 << " more in front.csv)\n";
  if (o.fidelity.screened) {
    std::string taus;
    for (size_t j = 0; j < spec.objectives.size(); ++j)
      taus += fmt::format("{}{} {:.2f}", taus.empty() ? "" : ", ", spec.objectives[j].kpi, o.fidelity.kendall[j]);
    std::cout << fmt::format("full horizon: {} of {} front designs still feasible, {} still non-dominated; screening vs full order (Kendall tau): {}\n",
                             o.fidelity.still_feasible, o.front.size(), o.fidelity.still_front, taus);
  }
}

}  // namespace

int cmd_optimize(const OptimizeArgs& a, int* argc, char*** argv) {
  // Under mpirun (or srun) every rank runs this: rank 0 searches, the others run its designs.
  sweep::MpiSession mpi(argc, argv);
  const bool talk = mpi.rank() == 0;
  Spec spec;
  try {
    spec = load_spec(a.spec);
  } catch (const ConfigError& e) {
    if (talk) std::cerr << e.what() << "\n";
    return 2;
  }
  if (a.jobs < 1) {
    if (talk) std::cerr << "optimize: error: -j must be at least 1\n";
    return 2;
  }
  std::string exe = a.self_exe.empty() ? sweep::self_executable() : a.self_exe;
#ifdef SOVCAP_HAVE_MPI
  if (!talk) {
    if (int code = mpi.agree(0)) return code;  // rank 0 could not start the search
    sweep::InterruptGuard guard;
    sweep::serve_mpi_batches(exe, runs_spec(spec), sweep::SweepDir{a.out_dir + "/runs"}, a.jobs);
    return 0;
  }
#endif
  std::string spec_text = sweep::read_text_file(a.spec);
  std::string copy = a.out_dir + "/spec.yaml";
  sweep::DirLock lock;
  auto prepare = [&]() -> int {
    std::error_code ec;
    // The directory and its lock first: a second search (or a sweep) on it stops here, before it writes anything.
    if (auto st = fs::status(a.out_dir, ec); st.type() != fs::file_type::not_found && st.type() != fs::file_type::directory) {
      std::cerr << "optimize: error: -o " << a.out_dir << ": " << (ec ? ec.message() : "exists and is not a directory") << "\n";
      return 2;
    }
    fs::create_directories(a.out_dir, ec);
    if (ec) {
      std::cerr << "optimize: error: cannot create " << a.out_dir << ": " << ec.message() << "\n";
      return 2;
    }
    if (std::string holder = lock.take(a.out_dir, false); !holder.empty()) {
      std::cerr << "optimize: error: " << a.out_dir << " is in use by another search or sweep (" << holder
                << "); wait for it, or use another -o\n";
      return 2;
    }
    bool started = fs::exists(a.out_dir + "/archive.csv", ec) || fs::exists(copy, ec);
    if (started && !a.resume) {
      std::cerr << a.out_dir << ": error: already holds a search (use --resume to continue it, or another -o)\n";
      return 2;
    }
    if (a.resume && fs::exists(copy, ec) && sweep::read_text_file(copy) != spec_text) {
      std::cerr << a.out_dir << ": error: the spec has changed since this search began (" << copy
                << " differs); resume with the same spec, or use another -o\n";
      return 2;
    }
    return 0;
  };
  if (int code = mpi.agree(prepare())) return code;  // every rank stops with rank 0
  sweep::InterruptGuard guard;
  try {
    sweep::write_file_atomically(copy, spec_text);
    Evaluator ev(spec, a.out_dir, exe, a.jobs, a.quiet);
#ifdef SOVCAP_HAVE_MPI
    // The other ranks wait between generations; they stop when `batches` goes (any return).
    std::optional<sweep::MpiBatches> batches;
    if (mpi.shared()) {
      batches.emplace(mpi.size());
      ev.set_runner([&](const sweep::SweepRun& run, std::deque<long> pending) { return batches->run(run, std::move(pending)); });
    }
#endif
    if (a.resume) {
      size_t n = ev.resume();
      if (!a.quiet) std::cout << "optimize: resuming with " << n << " finished runs from " << a.out_dir << "/archive.csv\n";
    }
    if (!a.quiet)
      std::cout << fmt::format("optimize: {} over {} variables, {} objectives, {} constraints; population {}, {} generations, {} seeds{}\n",
                               spec.algorithm, spec.variables.size(), spec.objectives.size(), spec.constraints.size(),
                               spec.population, spec.generations, spec.seeds.size(),
                               spec.screening_duration.empty() ? std::string()
                                                               : fmt::format(", screening on {} x {}", std::max<size_t>(1, spec.screening_starts.size()), spec.screening_duration));
    SearchResult r;
    Outcome o;
    try {
      r = run_search(spec, ev, a.quiet);
      o = analyse(spec, r);
      o.fidelity = reevaluate(spec, ev, r, o.front);
    } catch (const MissingKpi& e) {
      std::cerr << e.what() << "\n";
      return 2;
    } catch (const std::exception&) {
      if (ev.interrupted()) {
        std::cerr << "optimize: interrupted; finished runs are kept in " << a.out_dir << "/archive.csv (rerun with --resume)\n";
        return 128 + ev.interrupted();
      }
      throw;
    }
    write_outputs(spec, r, o, a.out_dir, ev.runs_done());
    if (!a.quiet) {
      print_front(spec, r, o);
      std::cout << "optimize: " << ev.runs_done() << " runs (" << ev.runs_started() << " this time); " << a.out_dir
                << "/{archive.csv,archive.h5,designs.csv,front.csv,hypervolume.csv,near_optimal.csv,summary.json}\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "optimize: error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace sovcap::optimize
