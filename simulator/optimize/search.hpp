#pragma once
// The search: pagmo2's NSGA-II (default) or MOEA/D over the spec's decision variables, one
// generation at a time. NSGA-II hands each generation's offspring to the evaluator as one batch
// (pagmo's batch fitness evaluation), so they run side by side; pagmo 2.18's MOEA/D evaluates
// one design at a time (its seeds and windows still run side by side).
#include <vector>

#include "simulator/optimize/evaluator.hpp"
#include "simulator/optimize/spec.hpp"

namespace sovcap::optimize {

struct SearchResult {
  std::vector<Score> designs;       // every design scored by the search, by design id
  std::vector<long> generation_of;  // per design id: the generation that first scored it
};

// Runs the spec's algorithm to its budget. The same spec and seed ask for the same designs in
// the same order (pagmo is seeded; the evaluator's results are deterministic), which is what
// makes --resume a replay that reads finished runs from the archive.
SearchResult run_search(const Spec& spec, Evaluator& evaluator, bool quiet);

// The pagmo decision vector keeps the real variables first and the integer ones (integers and
// choices) last, as pagmo requires; this is the order of spec variables in it.
std::vector<size_t> pagmo_order(const Spec& spec);

}  // namespace sovcap::optimize
