#pragma once
// MPI for the runners (sovcap-mpi-sweep, sovcap-optimize): initialised only when an MPI
// launcher started the process, so a plain run never pays for it. Built without MPI
// (SOVCAP_HAVE_MPI unset) it is a session of one rank.
namespace sovcap::sweep {

// Under an MPI launcher (mpirun, srun): its environment variables, checked before MPI_Init.
bool launched_by_mpi();

class MpiSession {
 public:
  MpiSession(int* argc, char*** argv);
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  bool shared() const { return size_ > 1; }
  // Rank 0's verdict reaches every rank (0 = go on).
  int agree(int code) const;
  // Ends every rank (a rank that fails while the others wait for it).
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0, size_ = 1;
  bool owner_ = false;
};

}  // namespace sovcap::sweep
