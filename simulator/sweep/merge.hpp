#pragma once
// The merged table of a sweep, one row per point, built only from the files
// the points left, so it is the same whatever -j, rank count or Slurm layout:
//   point, seed, status (ok | failed | missing), error,
//   param.<key>... (a number in the simulator's base unit if every value is one, else the text),
//   KPI columns (the union over points, in order of first appearance).
// Written to DIR/summary.csv (pandas-ready) and DIR/summary.h5 (/points).
#include <string>
#include <vector>

#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/spec.hpp"

namespace sovcap::sweep {

struct MergeCounts {
  long ok = 0, failed = 0, missing = 0;
};

MergeCounts write_summary(const SweepSpec& spec, const std::vector<Point>& points, const SweepDir& dir);

// The plan of a sweep (DIR/plan.csv): point, seed, set.<key>..., param.<key>... as texts.
std::string plan_text(const SweepSpec& spec, const std::vector<Point>& points);

// A CSV field, quoted when it needs to be.
std::string csv_field(const std::string& s);

}  // namespace sovcap::sweep
