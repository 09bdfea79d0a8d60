#pragma once
// The state the actors of one run share. Actors run cooperatively (one at a
// time), so plain data is safe; the condition variables only wake sleepers.
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <vector>

#include "models/network/topology.hpp"
#include "models/power/site_power.hpp"
#include "models/scheduling/node_failures.hpp"
#include "models/scheduling/placement.hpp"
#include "models/scheduling/pool.hpp"
#include "models/workload/job.hpp"
#include "models/workload/job_source.hpp"
#include "simulator/config/scenario.hpp"
#include "simulator/engine/accounts.hpp"
#include "simulator/engine/invariants.hpp"
#include "simulator/engine/backbone.hpp"
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
  SiteAccounts accounts;  // water and money (accounts.hpp)

  int pool_for(workload::PoolKind kind) const { return kind == workload::PoolKind::gpu ? gpu_pool : cpu_pool; }
  // The site's next event: a completion, a policy release, a node failing or coming back.
  double next_event_s() const {
    double next = inf;
    for (size_t p = 0; p < pools.size(); ++p) next = std::min({next, pools[p].next_event_s(), failures[p].next_s()});
    return next;
  }
};

struct World {
  const config::Scenario& scenario;
  const network::Topology& topology;
  Platform platform;
  output::ResultWriter& writer;
  std::vector<SiteState> sites;
  std::vector<int> region_node;                       // by region
  std::unique_ptr<Backbone> net;                      // routes, failures, transfers in flight
  uint64_t next_job_id = 1;
  uint64_t jobs_submitted = 0, jobs_finished = 0, jobs_rejected = 0;
  uint64_t comms_started = 0;
  uint64_t jobs_moved = 0;               // queued jobs placed again at another site (links_changed)
  std::vector<workload::Job> held;       // new jobs waiting at their regions for the links to change
  // Units each site keeps free, by pool, for the classes allowed only there (arrivals.cpp); empty
  // until the first placement.
  std::vector<std::vector<int>> reserve_units;
  std::vector<scheduling::SiteView> site_views;  // placement's scratch buffer
  bool stopping = false;
  std::exception_ptr error;
  // Local calendar (local_calendar.cpp): when no data moves, the pools and the arrivals run
  // from one calendar, advanced by the controller and the network actor, with no actor per
  // region or site. `sources` are the regions' job sources.
  bool local = false;
  bool ticks = true;  // the network actor's tick (batches of outputs, checkpoints, replication); off when nothing moves
  std::vector<std::unique_ptr<workload::JobSource>> sources;

  World(const config::Scenario& sc, const network::Topology& topo, Platform plat, output::ResultWriter& out)
      : scenario(sc), topology(topo), platform(std::move(plat)), writer(out) {}

  void record(const workload::Job& job) {
    check_job(job);  // debug builds
    writer.add_job(job);
    ++jobs_finished;
    // GPU-hours delivered: the work (at full speed) of completed jobs on GPU pools.
    if (job.status == workload::JobStatus::completed && job.site >= 0 && job.pool >= 0 &&
        sites[job.site].spec->pools[job.pool].gpu)
      sites[job.site].accounts.completed_gpu_hours += job.units * job.runtime_s / 3600.0;
    if (net) net->job_ended(job);  // its checkpoints stop; a completed job's results are staged back
  }
  void job_started(const workload::Job& job, double now) {
    if (net) net->job_started(job, now);  // checkpoints
  }
  void wake_site(int s) { sites[s].wake->notify_all(); }
  // A job reaching its site: queue it and start what the policy allows now (actors run one at a
  // time, so the pools are safe to touch); wake the site actor only when its pool's next event
  // moved before the time it wakes anyway. Saves a context switch and a timer per arrival.
  void submit_to_site(const workload::Job& job, double now) {
    auto& site = sites[job.site];
    auto& pool = site.pools[job.pool];
    pool.submit(job, now);
    for (auto& started : pool.start_ready(now)) job_started(started, now);
    if (!local && pool.next_event_s() < site.wake_at) wake_site(job.site);
  }
};

// One job from a region at `now`: placed, then its input starts or it reaches its site (arrivals.cpp).
// Returns the site chosen, or -1 (rejected, or held at its region until the links change).
int arrive(World& world, workload::Job job, int region, double now);
// The links changed at `now` (reach_grew: some region reaches a site it could not): held jobs
// and, if reach_grew, queued jobs that have not started are placed again (arrivals.cpp).
void links_changed(World& world, double now, bool reach_grew);
// A job whose input has landed (or needed none) queues at its site at `now`.
void deliver(World& world, workload::Job job, double now);
// A site's pools at `now`: completions, node failures and repairs, then starts. Returns the
// time of the site's next event (site_actor.cpp).
double site_events(World& world, int site, double now);

// Whether a scenario moves no data over the backbone (no inputs, outputs, checkpoints to the
// other site, replication): then it can run on the local calendar (local_calendar.cpp).
bool moves_no_data(const config::Scenario& scenario);
// Runs every arrival, pool event and transfer event before `until_s` in time order (local calendar only).
void advance_local(World& world, double until_s);

// Actor bodies: each catches everything and parks it in world.error, because an
// exception escaping an actor aborts the process.
void region_actor(World& world, int region);
void site_actor(World& world, int site);
void controller_actor(World& world, double wall_start_s, bool progress);
// Applies link failures and repairs, drives outputs, checkpoints and replication.
void network_actor(World& world);

// Record every exception as the run's failure and stop the simulation.
void fail(World& world, std::exception_ptr e);

}  // namespace sovcap::engine
