// The test binary doubles as a fake `sovcap` (dispatched before gtest's main
// from its own command line), so sweep tests need neither the simulator nor
// the CLI's wiring:
//   TEST_BIN run CONFIG -o OUT [--set K=V]... --seed N --quiet    a fake point
//   TEST_BIN sweep SPEC [-o DIR] [-j N] [--resume] [--merge-only] [--point N] [--slurm F] [--quiet]
//   TEST_BIN size CONFIG --param K --lo A --hi B [--unit U] --target T... [--seeds N] [--tol X] [-j N] [--set K=V]...
// The fake run reads its parameters from --set:
//   x=NUMBER|QUANTITY  drives the KPIs: renewable_fraction = x/1000 (+0.01 for odd seeds,
//                      -0.01 for even ones), wait_p95_s = 10000 - 5x, energy_it_mwh = 2x + seed
//   fail_at=V          exit 1 with a message when x == V
//   sleep=S            seconds to wait before writing
//   counter=PATH       append "OUT RANK" to PATH (a run counter; RANK is the MPI rank or -)
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "simulator/output/column_table.hpp"
#include "simulator/output/h5_attributes.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/sweep/commands.hpp"
#include "simulator/sweep/spec.hpp"

namespace {

std::vector<std::string> own_arguments() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::vector<std::string> args;
  std::string a;
  while (std::getline(in, a, '\0')) args.push_back(a);
  return args;
}

int fake_run(const std::vector<std::string>& a) {
  std::string config, out, counter;
  double x = 0, sleep_s = 0;
  std::string fail_at;
  bool has_fail = false;
  unsigned long seed = 0;
  std::string x_text;
  for (size_t i = 2; i < a.size(); ++i) {
    if (a[i] == "-o" && i + 1 < a.size()) {
      out = a[++i];
    } else if (a[i] == "--seed" && i + 1 < a.size()) {
      seed = std::stoul(a[++i]);
    } else if (a[i] == "--set" && i + 1 < a.size()) {
      std::string kv = a[++i];
      auto eq = kv.find('=');
      std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
      if (k == "x") {
        x_text = v;
        if (!sovcap::sweep::numeric_value(v, x)) {
          std::cerr << "--set:1:1: error: x: '" << v << "' is not a number\n";
          return 2;
        }
      } else if (k == "fail_at") {
        fail_at = v;
        has_fail = true;
      } else if (k == "sleep") {
        sleep_s = std::stod(v);
      } else if (k == "counter") {
        counter = v;
      }
    } else if (a[i] == "--quiet") {
    } else if (config.empty()) {
      config = a[i];
    }
  }
  if (access(config.c_str(), R_OK) != 0) {
    std::cerr << config << ": error: cannot read the scenario\n";
    return 2;
  }
  // The MPI rank the run was started from (inherited from its sweep rank), or "-".
  const char* rank = std::getenv("OMPI_COMM_WORLD_RANK");
  if (!counter.empty()) std::ofstream(counter, std::ios::app) << out << " " << (rank ? rank : "-") << "\n";
  std::this_thread::sleep_for(std::chrono::duration<double>(sleep_s));
  if (has_fail && fail_at == x_text) {
    std::cout << "fake run starting\n";
    std::cerr << "fake: error: failing as asked at x=" << x_text << "\n";
    return 1;
  }
  using namespace sovcap::output;
  std::string tmp = out + ".tmp." + std::to_string(getpid());
  {
    h5_quiet();
    Hid file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
    Hid summary = create_group(file, "summary");
    double noise = seed % 2 ? 0.01 : -0.01;
    write_attr(summary, "jobs_submitted", uint64_t{100});
    write_attr(summary, "jobs_completed", uint64_t{90});
    write_attr(summary, "renewable_fraction", x / 1000 + noise);
    write_attr(summary, "wait_p95_s", 10000 - 5 * x);
    write_attr(summary, "energy_it_mwh", 2 * x + static_cast<double>(seed));
    write_attr(summary, "label", "not a number");  // not a KPI column
    ColumnTable sites(2);
    sites.strings("site", {"benguerir", "dakhla"})
        .doubles("energy_it_mwh", "MWh", {x, x + 1})
        .doubles("wait_p95_s", "s", {100.0, 200.0 + static_cast<double>(seed)});
    sites.write(summary, "sites");
  }
  std::rename(tmp.c_str(), out.c_str());
  return 0;
}

int fake_sweep(const std::vector<std::string>& a) {
  sovcap::sweep::SweepArgs s;
  s.spec = a.at(2);
  for (size_t i = 3; i < a.size(); ++i) {
    if (a[i] == "-o") s.out_dir = a.at(++i);
    else if (a[i] == "-j") s.jobs = std::stoi(a.at(++i));
    else if (a[i] == "--resume") s.resume = true;
    else if (a[i] == "--merge-only") s.merge_only = true;
    else if (a[i] == "--point") s.point = std::stol(a.at(++i));
    else if (a[i] == "--slurm") s.slurm = a.at(++i);
    else if (a[i] == "--quiet") s.quiet = true;
  }
  return sovcap::sweep::cmd_sweep(s, nullptr, nullptr);
}

int fake_size(const std::vector<std::string>& a) {
  sovcap::sweep::SizeArgs s;
  s.config = a.at(2);
  for (size_t i = 3; i < a.size(); ++i) {
    if (a[i] == "--param") s.param = a.at(++i);
    else if (a[i] == "--lo") s.lo = std::stod(a.at(++i));
    else if (a[i] == "--hi") s.hi = std::stod(a.at(++i));
    else if (a[i] == "--unit") s.unit = a.at(++i);
    else if (a[i] == "--target") s.targets.push_back(a.at(++i));
    else if (a[i] == "--seeds") s.seeds = std::stoi(a.at(++i));
    else if (a[i] == "--tol") s.tol = std::stod(a.at(++i));
    else if (a[i] == "-j") s.jobs = std::stoi(a.at(++i));
    else if (a[i] == "--set") s.overrides.push_back(a.at(++i));
    else if (a[i] == "--quiet") s.quiet = true;
  }
  return sovcap::sweep::cmd_size(s);
}

// Runs before gtest's main; returns normally (and gtest runs) for any other command line.
[[maybe_unused]] const int dispatched = [] {
  auto a = own_arguments();
  if (a.size() < 2) return 0;
  int code = -1;
  if (a[1] == "run") code = fake_run(a);
  if (a[1] == "sweep") code = fake_sweep(a);
  if (a[1] == "size") code = fake_size(a);
  if (code < 0) return 0;
  std::cout.flush();
  std::exit(code);
}();

}  // namespace
