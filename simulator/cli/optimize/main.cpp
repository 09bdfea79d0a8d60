// sovcap-optimize: the search of `sovcap optimize`, which execs it with its own command line.
// A separate program for two reasons: under mpirun it calls OpenMPI, which sovcap cannot
// (libsimgrid exports SMPI's MPI_Init); and pagmo (with TBB and Boost.Serialization) stays out
// of sovcap, whose every run would otherwise load and initialise them (about 0.08 s of CPU per
// run, measured; a search starts thousands). It links no SimGrid and runs each design with the
// sovcap binary next to it.
#include <CLI/CLI.hpp>

#include <filesystem>

#include "simulator/cli/empty_values.hpp"
#include "simulator/cli/optimize_options.hpp"
#include "simulator/sweep/driver.hpp"

int main(int argc, char** argv) {
  CLI::App app{"sovcap optimize (started by `sovcap optimize`, also under mpirun)"};
  app.require_subcommand(1);
  sovcap::optimize::OptimizeArgs opt;
  sovcap::cli::add_optimize_command(app, opt);
  try {
    app.parse(argc, argv);
    sovcap::cli::reject_empty_values(app);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  opt.self_exe = (std::filesystem::path(sovcap::sweep::self_executable()).parent_path() / "sovcap").string();
  return sovcap::optimize::cmd_optimize(opt, &argc, &argv);
}
