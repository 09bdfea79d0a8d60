// Micro-benchmarks of the per-event models: a pool's submit/start/complete
// cycle under each policy, and drawing arrivals. Run: build-perf/tools/bench/bench_models
#include <benchmark/benchmark.h>

#include <cmath>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "models/scheduling/pool.hpp"
#include "models/workload/arrival_stream.hpp"

namespace {

using namespace sovcap;

// The shared pool model: Poisson arrivals every 30 s, 1-64 units, 10 min-4 h, 6,000 units.
void pool_cycle(benchmark::State& state, scheduling::QueuePolicy policy) {
  scheduling::PoolSpec spec;
  spec.nodes = 6000;
  spec.units_per_node = 1;
  scheduling::Pool pool(spec, policy);
  boost::random::mt19937_64 rng(1);
  boost::random::uniform_int_distribution<int> units(1, 64);
  boost::random::uniform_real_distribution<double> run(600, 4 * 3600), u01(0, 1);
  double t = 0;
  uint64_t id = 1;
  for (auto _ : state) {
    t += -30.0 * std::log(1.0 - u01(rng));
    for (auto& j : pool.complete_until(t)) benchmark::DoNotOptimize(j.end_s);
    workload::Job j;
    j.id = id++;
    j.units = units(rng);
    j.runtime_s = run(rng);
    j.requested_s = 1.5 * j.runtime_s;
    j.submit_s = t;
    pool.submit(j, t);
    benchmark::DoNotOptimize(pool.start_ready(t));
    benchmark::DoNotOptimize(pool.next_event_s());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_PoolFcfs(benchmark::State& s) { pool_cycle(s, scheduling::QueuePolicy::fcfs); }
void BM_PoolEasy(benchmark::State& s) { pool_cycle(s, scheduling::QueuePolicy::easy_backfill); }
BENCHMARK(BM_PoolFcfs);
BENCHMARK(BM_PoolEasy);

void BM_ArrivalStream(benchmark::State& state) {
  workload::JobClassSpec c;
  c.id = "c";
  c.rate_per_h = 3600;
  c.units.type = workload::DistributionSpec::Type::uniform;
  c.units.min = 1;
  c.units.max = 64;
  c.runtime_s.type = workload::DistributionSpec::Type::exponential;
  c.runtime_s.mean = 3600;
  workload::RegionSpec r;
  r.id = "r";
  workload::ArrivalStream stream({c}, {r}, 0, 1, 1893456000, 1e12);
  for (auto _ : state) benchmark::DoNotOptimize(stream.next());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ArrivalStream);

}  // namespace
