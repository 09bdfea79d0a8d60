// sovcap-mpi-sweep: `sovcap sweep` under an MPI launcher. A separate program
// because libsimgrid exports its own MPI_Init (SMPI), which would shadow
// OpenMPI's inside sovcap; this one links OpenMPI and no SimGrid, and runs
// each point with the sovcap binary next to it. `sovcap sweep` execs it when
// it finds itself started by mpirun.
#include <CLI/CLI.hpp>

#include <filesystem>

#include "simulator/cli/sweep_options.hpp"
#include "simulator/cli/empty_values.hpp"
#include "simulator/sweep/driver.hpp"

int main(int argc, char** argv) {
  CLI::App app{"sovcap sweep under MPI (started by `mpirun ... sovcap sweep`)"};
  app.require_subcommand(1);
  sovcap::sweep::SweepArgs sw;
  sovcap::cli::add_sweep_command(app, sw);
  try {
    app.parse(argc, argv);
    sovcap::cli::reject_empty_values(app);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  sw.self_exe = (std::filesystem::path(sovcap::sweep::self_executable()).parent_path() / "sovcap").string();
  return sovcap::sweep::cmd_sweep(sw, &argc, &argv);
}
