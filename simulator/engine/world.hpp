#pragma once
// The state the actors of one run share. Actors run cooperatively (one at a
// time), so plain data is safe; the condition variables only wake sleepers.
#include <simgrid/s4u.hpp>

#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <vector>

#include "models/network/topology.hpp"
#include "models/power/site_power.hpp"
#include "models/scheduling/node_failures.hpp"
#include "models/scheduling/pool.hpp"
#include "models/workload/job.hpp"
#include "simulator/config/scenario.hpp"
#include "simulator/engine/invariants.hpp"
#include "simulator/engine/platform.hpp"
#include "simulator/output/result_writer.hpp"

namespace sovcap::engine {

constexpr double inf = std::numeric_limits<double>::infinity();

struct SiteState {
  const config::SiteSpec* spec = nullptr;
  int node = -1;
  std::vector<scheduling::Pool> pools;
  std::vector<scheduling::NodeFailures> failures;  // by pool
  int gpu_pool = -1, cpu_pool = -1;
  std::unique_ptr<power::SitePower> power;
  power::Conditions conditions{};
  double it_cap_mw = inf;
  double it_energy_kwh_at_step = 0;  // IT energy at the start of the current step
  double wake_at = inf;  // when the site actor next wakes by itself (set before it waits)
  simgrid::s4u::MutexPtr mutex;
  simgrid::s4u::ConditionVariablePtr wake;
  // Capping statistics.
  int capping_episodes = 0;
  bool capping = false;
  double unserved_mwh = 0;
  double battery_throughput_mwh = 0;

  int pool_for(workload::PoolKind kind) const { return kind == workload::PoolKind::gpu ? gpu_pool : cpu_pool; }
};

// A job's input moving from its region to its site.
struct Transfer {
  simgrid::s4u::CommPtr comm;
  workload::Job job;
  const std::vector<int>* path = nullptr;  // 2 * link + (0: a->b, 1: b->a)
  double remaining_bytes = 0;              // at the last accounting
};

struct World {
  const config::Scenario& scenario;
  const network::Topology& topology;
  Platform platform;
  output::ResultWriter& writer;
  std::vector<SiteState> sites;
  std::vector<int> region_node;                       // by region
  std::vector<std::vector<std::vector<int>>> paths;   // [region][site] -> 2 * link + direction
  std::vector<std::vector<double>> latency_s;         // [region][site]
  std::vector<std::vector<Transfer>> transfers;       // in flight, by region
  // At most max_comms_per_region transfers are in flight from a region; later ones wait here, in
  // order, with no comm yet. The flow solver's cost grows about with the square of concurrent
  // flows (DESIGN.md), and this many already fill any bottleneck of the backbone.
  static constexpr size_t max_comms_per_region = 16;
  std::vector<std::deque<Transfer>> waiting;          // by region
  std::vector<double> link_bytes;                     // [2 * link + direction], delivered this step
  uint64_t next_job_id = 1;
  uint64_t jobs_submitted = 0, jobs_finished = 0, jobs_rejected = 0;
  uint64_t comms_started = 0;
  bool stopping = false;
  std::exception_ptr error;

  World(const config::Scenario& sc, const network::Topology& topo, Platform plat, output::ResultWriter& out)
      : scenario(sc), topology(topo), platform(std::move(plat)), writer(out) {}

  // Account the bytes a transfer delivered since the last call, on every link of its path.
  void account(Transfer& t, double remaining_now) {
    double delivered = t.remaining_bytes - remaining_now;
    t.remaining_bytes = remaining_now;
    if (delivered <= 0 || t.path == nullptr) return;
    for (int ld : *t.path) link_bytes[ld] += delivered;
  }
  void record(const workload::Job& job) {
    check_job(job);  // debug builds
    writer.add_job(job);
    ++jobs_finished;
  }
  void wake_site(int s) { sites[s].wake->notify_all(); }
  // A job reaching its site: queue it and start what the policy allows now (actors run one at a
  // time, so the pools are safe to touch); wake the site actor only when its pool's next event
  // moved before the time it wakes anyway. Saves a context switch and a timer per arrival.
  void submit_to_site(const workload::Job& job, double now) {
    auto& site = sites[job.site];
    auto& pool = site.pools[job.pool];
    pool.submit(job, now);
    pool.start_ready(now);
    if (pool.next_event_s() < site.wake_at) wake_site(job.site);
  }
};

// Actor bodies: each catches everything and parks it in world.error, because an
// exception escaping an actor aborts the process.
void region_actor(World& world, int region);
void site_actor(World& world, int site);
void controller_actor(World& world, double wall_start_s, bool progress);

// Record every exception as the run's failure and stop the simulation.
void fail(World& world, std::exception_ptr e);

}  // namespace sovcap::engine
