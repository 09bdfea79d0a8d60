#pragma once
// Plain description of the workload: job classes with their arrival processes and distributions.
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace sovcap::workload {

// A named distribution. Parameters by type:
//   constant: value            exponential: mean
//   lognormal: median, sigma   (sigma of the underlying normal)
//   weibull: shape, scale      uniform: min, max
//   discrete: values[], weights[]   empirical: values[] (samples, drawn uniformly)
struct DistributionSpec {
  enum class Type { constant, exponential, lognormal, weibull, uniform, discrete, empirical };
  // Each type with its name in scenarios.
  static constexpr std::pair<Type, const char*> kTypeNames[] = {
      {Type::constant, "constant"}, {Type::exponential, "exponential"}, {Type::lognormal, "lognormal"},
      {Type::weibull, "weibull"},   {Type::uniform, "uniform"},         {Type::discrete, "discrete"},
      {Type::empirical, "empirical"}};
  Type type = Type::constant;
  double value = 0, mean = 0, median = 0, sigma = 0, shape = 0, scale = 0, min = 0, max = 0;
  std::vector<double> values, weights;
  // Optional bounds applied after sampling (clamp); 0/0 = none.
  double clamp_min = 0, clamp_max = 0;
};

enum class PoolKind { gpu, cpu };
inline constexpr std::pair<PoolKind, const char*> kPoolKindNames[] = {{PoolKind::gpu, "gpu"}, {PoolKind::cpu, "cpu"}};

struct JobClassSpec {
  std::string id;
  PoolKind pool = PoolKind::gpu;
  double rate_per_h = 1;                  // mean arrivals per hour, whole country, at start
  std::array<double, 24> hourly_factor{}; // multiplies the rate by local hour; all 0 = flat
  std::array<double, 7> weekday_factor{}; // Monday first; all 0 = flat
  double growth_per_year = 0;             // rate *= (1 + g)^(t / 1 year)
  std::vector<double> region_weights;     // per region; empty = the regions' own weights
  DistributionSpec units;                 // GPUs or cores per job (rounded up, >= 1)
  DistributionSpec runtime_s;
  double estimate_factor = 1.5;           // requested time = runtime * factor (backfilling)
  bool kill_at_time_limit = false;        // a job needing longer than its requested time is killed there
  double input_gb = 0;
  double output_gb = 0;
  int priority = 0;
  bool preemptible = false;
  bool flexible = false;
  double deadline_s = 0;                  // relative to submit, flexible jobs
  double checkpoint_interval_s = 0;       // 0 = none
  double checkpoint_gb = 0;
  double latency_target_s = 0;            // region -> site round trip allowed (inference); 0 = none
  std::vector<std::string> allowed_sites; // empty = all (sovereignty rules)
};

struct RegionSpec {
  std::string id;
  std::string name;
  double latitude_deg = 0;
  double longitude_deg = 0;
  double weight = 1;       // share of national demand
  std::string node;        // topology node id
};

}  // namespace sovcap::workload
