#pragma once
// An optimisation specification (SPEC.yaml of `sovcap optimize`): the scenario and fixed
// overrides (as a sweep spec's base and set), the decision variables, the objectives and
// constraints on KPIs, the seeds each design runs on and how they combine, the algorithm and
// its budget, the screening horizon. Errors name FILE:LINE:COL and the key, all at once, as a
// config::ConfigError (exit 2).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/config/diagnostics.hpp"
#include "simulator/config/tree.hpp"
#include "simulator/sweep/spec.hpp"

namespace sovcap::optimize {

using config::ConfigError;
using sweep::Overrides;

struct Variable {
  enum class Kind { real, integer, choice };
  std::string key;
  Kind kind = Kind::real;
  double min = 0, max = 0;           // real and integer: bounds, in `unit`
  std::string unit;                  // appended to the value passed to `--set` ("" = plain)
  std::vector<std::string> choices;  // choice: the values, as texts
  config::Place place;
  // The `--set` text for a decision value (choice: the index into choices).
  std::string text(double x) const;
};

struct Objective {
  std::string kpi;
  bool maximize = false;
  std::optional<double> reference;  // the hypervolume's reference value (worst counted), in the KPI's unit
  config::Place place;
};

struct Constraint {
  std::string kpi;
  std::optional<double> min, max;
  config::Place place;
};

enum class Combine { mean, worst, cvar };

struct Spec {
  std::string path;  // the spec file
  std::string base;  // the scenario, resolved against the spec's directory
  Overrides fixed;   // `set:`
  std::vector<Variable> variables;
  std::vector<Objective> objectives;
  std::vector<Constraint> constraints;
  std::vector<uint64_t> seeds;  // every design runs on each (common random numbers)
  Combine combine = Combine::mean;
  double cvar_level = 0.8;  // cvar: the mean of the worst (1 - level) share of the seeds
  std::string algorithm = "nsga2";  // nsga2 | moead
  long population = 16, generations = 10;
  uint64_t seed = 1;  // the algorithm's seed
  // Screening: the search runs each design on these windows (duration at each start; one window
  // at the scenario's own start when starts is empty); the front is then re-evaluated on the
  // scenario's own horizon. Empty duration: the search runs on the scenario's own horizon.
  std::string screening_duration;
  std::vector<std::string> screening_starts;
  double near_optimal_margin = 0.05;  // a design within this share of the best value on an objective
};

// Reads and validates SPEC.yaml (and that the scenario loads with the fixed overrides and each
// variable at its bounds and choices); throws ConfigError listing every error.
Spec load_spec(const std::string& path);

}  // namespace sovcap::optimize
