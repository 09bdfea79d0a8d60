#include "simulator/sweep/mpi_session.hpp"

#include <cstdlib>
#include <initializer_list>

#ifdef SOVCAP_HAVE_MPI
#include <mpi.h>
#endif

namespace sovcap::sweep {

bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK", "MV2_COMM_WORLD_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

MpiSession::MpiSession(int* argc, char*** argv) {
#ifdef SOVCAP_HAVE_MPI
  if (!launched_by_mpi()) return;
  int inited = 0;
  MPI_Initialized(&inited);
  if (!inited) {
    MPI_Init(argc, argv);
    owner_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
#else
  (void)argc;
  (void)argv;
#endif
}

MpiSession::~MpiSession() {
#ifdef SOVCAP_HAVE_MPI
  if (owner_) MPI_Finalize();
#endif
}

int MpiSession::agree(int code) const {
#ifdef SOVCAP_HAVE_MPI
  if (shared()) MPI_Bcast(&code, 1, MPI_INT, 0, MPI_COMM_WORLD);
#endif
  return code;
}

void MpiSession::abort(int code) const {
#ifdef SOVCAP_HAVE_MPI
  if (shared()) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::_Exit(code);
}

}  // namespace sovcap::sweep
