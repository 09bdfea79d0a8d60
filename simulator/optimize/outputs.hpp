#pragma once
// What a search leaves beside its archive, all derived from the scored designs:
//   designs.csv       every design: generation, decision values, combined objectives and
//                     constraints, violation, feasible, on the front
//   front.csv         the non-dominated feasible designs, with their full-horizon values when
//                     the search screened on shorter windows
//   hypervolume.csv   per generation: designs, front size, hypervolume (raw and normalised)
//   near_optimal.csv  per objective, the feasible designs within the margin of the best
//   summary.json      the spec in brief, the reference point, the fidelity comparison
#include <string>
#include <vector>

#include "simulator/optimize/evaluator.hpp"
#include "simulator/optimize/search.hpp"

namespace sovcap::optimize {

struct Fidelity {
  bool screened = false;              // false: the search ran on the scenario's own horizon
  std::vector<Score> full;            // per front design (front order)
  std::vector<double> kendall;        // per objective: screening vs full order of the front
  long still_front = 0, still_feasible = 0;
};

struct Outcome {
  std::vector<long> front;            // design ids, ascending
  std::vector<double> reference;      // minimised sense
  double hypervolume = 0;
  Fidelity fidelity;
};

// The front, the reference point and the hypervolume of a finished search.
Outcome analyse(const Spec& spec, const SearchResult& r);
// Writes every file listed above into dir (each through a temporary file and a rename).
void write_outputs(const Spec& spec, const SearchResult& r, const Outcome& o, const std::string& dir, long runs);
// The minimised vector of a design (NaN-free only for feasible ones).
std::vector<double> minimised(const Spec& spec, const Score& s);

}  // namespace sovcap::optimize
