#pragma once
// The backbone during a run: the transfers in flight on the planned routes,
// and what they moved. See docs/network.md ("In the engine").
//
// The routes are planned before the run (models/network/route_plan.hpp): one
// "epoch" per distinct set of links up, one route variant per distinct path a
// pair takes over the epochs. Here each variant is a SimGrid route from its
// own source host (SimGrid routes are static per host pair); a transfer takes
// a route by leaving from that host. When a link goes down, every transfer
// crossing it is cancelled and restarted with its remaining bytes on the
// pair's route of the new epoch, or stalls (no route) until a later epoch has one.
#include <simgrid/s4u.hpp>

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/network/checkpoint_traffic.hpp"
#include "models/network/fluid_flows.hpp"
#include "models/network/route_plan.hpp"
#include "models/network/topology.hpp"
#include "models/workload/job.hpp"
#include "simulator/engine/platform.hpp"
#include "simulator/output/samples.hpp"

namespace sovcap::engine {

struct BackboneConfig {
  std::vector<int> region_node, site_node;           // topology node by region, by site
  std::vector<double> latency_target_s;              // by class; 0 = none
  std::vector<double> checkpoint_interval_s, checkpoint_gb;  // by class
  double replication_gb = 0, replication_every_s = 0;  // per ordered site pair
  double horizon_s = 0;
  double tick_s = 300;                                // batching of outputs, checkpoints, replication
  size_t max_inputs_in_flight = 16;                   // per region; later inputs wait in order
  uint64_t failure_seed = 0;
  // Transfers as fluid flows on the calendar (models/network/fluid_flows.hpp: the same
  // sharing rule as SimGrid's comms, without an activity per transfer), or SimGrid comms
  // waited on by actors.
  bool fluid = false;
};

class Backbone {
 public:
  enum class Kind : uint8_t { input, output, checkpoint, replication };

  struct Flow {
    Kind kind = Kind::input;
    int pair = -1;
    bool reverse = false;       // b -> a
    int region = -1;
    double bytes = 0, remaining = 0;
    int variant = -1;           // -1: stalled
    simgrid::s4u::CommPtr comm;  // SimGrid transfers
    uint64_t fid = 0;            // fluid transfers: 0 when none
    workload::Job job;          // inputs only
    double worst_rtt_s = 0;
    bool stalled = false, rerouted = false;
    bool count_latency = true;  // inputs: false for a job moved after it reached a first site
  };
  // Outputs, checkpoints and replication: bytes queue per channel, one flow at a time.
  struct Channel {
    Kind kind;
    int pair;
    bool reverse;
    int region;                 // outputs: the destination region
    double backlog_bytes = 0;
    bool busy = false;
    Flow flow;
  };

  Backbone(const network::Topology& topo, BackboneConfig cfg);
  const std::vector<RouteDecl>& route_decls() const { return decls_; }
  // Applies epoch 0 (links down from the start are turned off).
  void attach(Platform* platform);
  // Region actors wait on this until the epoch due now is applied.
  simgrid::s4u::MutexPtr mutex;
  simgrid::s4u::ConditionVariablePtr applied_cv;

  // Epochs: state changes of the links, in time order.
  size_t epoch_count() const { return plan_.epoch_count(); }
  double epoch_time(size_t k) const { return plan_.epoch_time_s(k); }
  size_t applied_epochs() const { return applied_; }
  // Apply epoch k (its time has come): reroute, restart stalled transfers, links off/on, cut-offs.
  void apply_epoch(size_t k, double now);
  bool link_up(int l) const { return up_[l]; }

  // Region -> site: route latency now (one way), and whether there is a route now.
  double latency_s(int region, int site) const { return plan_.latency_s(region, site, current_); }  // +inf: no route now
  double primary_latency_s(int region, int site) const { return plan_.primary_latency_s(region, site); }
  bool reachable(int region, int site) const { return plan_.reachable(region, site, current_); }
  // Seconds to move gb from the region to the site over today's route, alone on it (its
  // narrowest link, plus the latency); 0 when nothing moves, +inf without a route.
  double transfer_s(int region, int site, double gb) const { return plan_.transfer_s(region, site, gb, current_); }
  bool local(int region, int site) const { return plan_.region_site_pair(region, site) < 0; }

  // Inputs (region actors own them and wait for them).
  std::vector<Flow>& inputs(int region) { return inputs_[region]; }
  bool waiting_empty(int region) const { return waiting_[region].empty(); }
  double tick_s() const { return cfg_.tick_s; }
  // Start (or stall, or queue behind max_inputs_in_flight) the input of a placed job; false if nothing needs to move.
  // A job moved to another site before it started sends its input again, its latency already counted.
  bool start_input(int region, const workload::Job& job, double now, bool count_latency = true);
  // The input at index i of the region is done: returns the job, accounted.
  workload::Job finish_input(int region, size_t i, double now);
  // A job that needed no transfer reached its site (latency target bookkeeping).
  void delivered_locally(const workload::Job& job);
  // The latency target of the job's class against a round trip.
  void latency_check(int region, const workload::Job& job, double rtt_s);

  // Channels (the network actor drives them).
  void job_started(const workload::Job& job, double now);
  void job_ended(const workload::Job& job);
  // Batch and start what is due; returns the comms in flight (channel order) in `comms`, channel index in `owner`.
  void tick(double now);
  void start_idle(double now);
  void channel_comms(std::vector<simgrid::s4u::CommPtr>& comms, std::vector<size_t>& owner);
  void channel_done(size_t c);

  // Bytes delivered since the last call on every link direction (2 * link + dir); resets them.
  void account_all(double now);
  // Comms SimGrid failed or cancelled under us (their waiter got an exception): restart them
  // from the bytes last accounted. Returns how many.
  size_t recover_failed();
  // Fluid transfers (cfg.fluid): the next start of a transfer's bandwidth phase or end, and
  // the transfers that end up to t (inputs ended are returned as their jobs, in end order;
  // channels that ended start their next batch).
  double next_flow_event_s() const { return fluid_ ? fluid_->next_event_s() : std::numeric_limits<double>::infinity(); }
  std::vector<workload::Job> advance_flows(double t);
  std::vector<double>& link_bytes() { return link_bytes_; }
  // At the horizon: unfinished inputs (their jobs are returned), channels, open cut-offs closed.
  std::vector<workload::Job> drain(double now);
  output::NetworkResults results() const;
  uint64_t comms_started() const { return comms_started_; }

 private:
  void start_flow(Flow& f, double now);
  void account(Flow& f, double remaining_now);
  void finish_flow_stats(Flow& f);
  bool crosses_down(const Flow& f) const;
  bool moving(const Flow& f) const { return f.comm || f.fid; }
  double remaining_now(const Flow& f, double now) const;
  void stop(Flow& f, double now);
  int channel_of(const Flow& f) const;  // cancel the transfer (its bytes stay in f.remaining as accounted)
  bool draining_ = false;

  const network::Topology& topo_;
  BackboneConfig cfg_;
  Platform* platform_ = nullptr;
  network::RoutePlan plan_;
  size_t applied_ = 1;  // epoch 0 (all up at t = 0, or as the events at 0 say) is applied at start
  size_t current_ = 0;
  std::vector<bool> up_;
  std::vector<RouteDecl> decls_;  // by plan_.routes()
  std::vector<std::vector<Flow>> inputs_;
  std::vector<std::deque<Flow>> waiting_;
  std::vector<Channel> channels_;
  std::vector<std::vector<int>> output_channel_;  // [site][region]
  std::vector<int> checkpoint_channel_;           // [site]
  std::vector<std::vector<int>> replication_channel_;
  network::CheckpointTraffic checkpoints_;  // by site, of the running jobs that checkpoint
  double next_replication_s_ = 0;
  std::vector<double> link_bytes_;
  uint64_t comms_started_ = 0;
  // Results.
  std::vector<output::RegionNetwork> regions_;
  std::vector<double> cutoff_since_;  // NaN: not cut off
  std::vector<double> link_down_since_;
  std::vector<output::NetworkEvent> events_out_;
  double rerouted_gb_ = 0, output_gb_ = 0, checkpoint_gb_ = 0, replication_gb_ = 0, backlog_end_gb_ = 0;
  int64_t reroutes_ = 0, stalls_ = 0;
  uint64_t recovered_ = 0;
  std::unique_ptr<network::FluidFlows> fluid_;
  std::unordered_map<uint64_t, int> fluid_owner_;  // fid -> region (inputs) or -1 - channel
};

}  // namespace sovcap::engine
