#pragma once
// The archive of every evaluation of a search: one row per run (a design on one seed and one
// window), with the decision values, the seed, the status and every KPI. DIR/archive.csv is
// appended a row at a time as runs finish (so a killed search loses no finished run) and is
// what --resume reads; DIR/archive.h5 (/evaluations, one compound table) is rewritten from it
// through a temporary file after each batch.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sovcap::optimize {

struct RunRecord {
  long run = 0;         // the sweep point index (DIR/runs/points/p<run>.h5 while it runs)
  long design = 0;      // designs are numbered in the order the search first asks for them
  long generation = 0;  // the generation that first asked for this run (0: the initial population)
  std::string phase;    // "screening" or "full" (the front re-evaluated on the scenario's horizon)
  std::string window;   // the window's start ("" = the scenario's own start and duration)
  uint64_t seed = 0;
  std::vector<std::string> values;  // one decision text per variable, as passed to --set
  std::string status = "ok";        // ok | failed
  std::string error;
  std::vector<double> kpis;         // in Archive::kpi_names() order (NaN: not in this result)
};

class Archive {
 public:
  Archive(std::string dir, std::vector<std::string> variable_keys);

  // Read DIR/archive.csv (a torn last line, from a kill mid-write, is dropped and cut off).
  // Returns the number of rows read; throws std::runtime_error on a file that is not ours.
  size_t load();
  // Append one row to the CSV (header first, fixing the KPI columns from `kpis`' names).
  void append(RunRecord r, const std::vector<std::pair<std::string, double>>& kpis);
  // Sort the rows by run id and rewrite DIR/archive.csv and DIR/archive.h5 (each through a
  // temporary file): after each batch, so the archive's order does not depend on which run of
  // a batch finished first.
  void compact();

  const std::vector<RunRecord>& rows() const { return rows_; }
  const std::vector<std::string>& kpi_names() const { return kpi_names_; }
  std::string csv_path() const { return dir_ + "/archive.csv"; }
  std::string h5_path() const { return dir_ + "/archive.h5"; }
  // The index of a KPI in kpi_names(), or -1.
  long kpi_index(const std::string& name) const;

 private:
  std::string header() const;
  std::string row_text(const RunRecord& r) const;
  void write_h5() const;
  std::string dir_;
  std::vector<std::string> keys_, kpi_names_;
  std::vector<RunRecord> rows_;
};

}  // namespace sovcap::optimize
