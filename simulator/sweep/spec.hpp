#pragma once
// A sweep specification (SPEC.yaml): which scenario, which keys vary over
// which values, how they combine, how many replications. Errors are reported
// like the config loader's (FILE:LINE:COL: error: KEY.PATH: what (allowed)),
// all of them at once, as a config::ConfigError.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "simulator/config/diagnostics.hpp"

namespace sovcap::sweep {

using config::ConfigError;

// KEY.PATH=VALUE pairs in order, as given to `sovcap run --set`.
using Overrides = std::vector<std::pair<std::string, std::string>>;

struct Parameter {
  enum class Kind { values, range, random, lhs };
  std::string key;  // e.g. "sites.dakhla.battery.energy"
  Kind kind = Kind::values;
  std::vector<std::string> values;  // values and range: the texts, unit included ("500MWh")
  double min = 0, max = 0;          // random and lhs: bounds, in `unit`
  std::string unit;                 // range, random, lhs: appended to each number ("" = plain)
  bool sampled() const { return kind == Kind::random || kind == Kind::lhs; }
};

enum class Combine { grid, zip };

struct SweepSpec {
  std::string path;  // the spec file
  std::string base;  // the scenario, resolved against the spec's directory
  Overrides fixed;   // `set:`, applied to every point before the parameters
  std::vector<Parameter> parameters;
  Combine combine = Combine::grid;
  long samples = 0;             // random/lhs draws
  uint64_t seed = 1;            // sampling seed and first replication's run seed
  std::vector<uint64_t> seeds;  // one run seed per replication (never empty)
  bool kpis_only = false;       // points run `sovcap run --kpis-only` (clients that read KPIs only: optimize)
};

// One run of the sweep. Indices are dense from 0, in a deterministic order:
// grid = nested loops, first parameter outermost; replications innermost.
struct Point {
  long index = 0;
  Overrides params;  // one per parameter, in spec order
  uint64_t seed = 0;
};

// Reads and validates SPEC.yaml; throws ConfigError listing every error.
SweepSpec load_spec(const std::string& path);

// The points of a valid spec (random and LHS draws are seeded by spec.seed).
std::vector<Point> expand(const SweepSpec& spec);

// A parameter value in the simulator's base unit (s, MW, MWh, GB, Gbps) when
// it is a number or a quantity ("500MWh" -> 500, "2h" -> 7200); false for words.
bool numeric_value(const std::string& text, double& si);
// The base unit of a quantity text ("MWh" for "2GWh"), "" for plain numbers and words.
std::string value_unit(const std::string& text);

// The shortest text that reads back as the same double ("0.1", "250", "1e-07").
std::string format_number(double v);

}  // namespace sovcap::sweep
