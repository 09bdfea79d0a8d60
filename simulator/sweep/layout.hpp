#pragma once
// Where a sweep keeps its state, all of it on disk so that a resumed sweep,
// a Slurm array task or an MPI rank can tell what is done without talking:
//   DIR/plan.csv                 the expanded points (checked at --resume)
//   DIR/points/p000042.h5        a finished point (runs rename into place)
//   DIR/points/p000042.failed    a failed point: exit code, last log line
//   DIR/logs/p000042.log         the point's stdout and stderr
//   DIR/summary.csv, summary.h5  the merged table
#include <string>

namespace sovcap::sweep {

struct SweepDir {
  std::string root;

  std::string point_name(long i) const;  // "p000042"
  std::string result(long i) const;
  std::string failure(long i) const;
  std::string log(long i) const;
  std::string plan() const { return root + "/plan.csv"; }
  std::string summary_csv() const { return root + "/summary.csv"; }
  std::string summary_h5() const { return root + "/summary.h5"; }

  void create() const;  // DIR, DIR/points, DIR/logs
  bool done(long i) const;
  // Any finished or failed point already there.
  bool has_points() const;
  // Remove temp files left by killed runs ("p000042.h5.tmp.PID", "summary.csv.tmp.PID", ...).
  void remove_stale_temps() const;
  std::string lock_file() const { return root + "/.lock"; }
  // Remove the temp files of one point's result.
  void remove_temps_of(long i) const;
};

// A sweep's hold on its directory (flock on DIR/.lock, released when the
// process ends, however it ends): a whole sweep holds it alone; Slurm array
// tasks (--point) share it, so one sweep at a time writes a directory.
class DirLock {
 public:
  // "" and the lock held, or who holds it ("pid 123 on host x").
  std::string take(const std::string& root, bool shared);
  ~DirLock();

 private:
  int fd_ = -1;
};

// Write `text` to `path` through a temp file and a rename, so readers never see half of it.
void write_file_atomically(const std::string& path, const std::string& text);
std::string read_text_file(const std::string& path);

}  // namespace sovcap::sweep
