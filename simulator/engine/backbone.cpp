#include "simulator/engine/backbone.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {
namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

// A transfer's size in whole bytes, as a SimGrid comm takes it; at least one, since a comm of
// none never completes through wait_any (a rerouted flow can have less than a byte left).
uint64_t whole_bytes(double bytes) { return std::max<uint64_t>(1, static_cast<uint64_t>(bytes)); }
}  // namespace

Backbone::Backbone(const network::Topology& topo, BackboneConfig cfg)
    : topo_(topo),
      cfg_(std::move(cfg)),
      plan_(topo, network::link_epochs(network::link_events(topo, cfg_.horizon_s, cfg_.failure_seed), topo.link_count()),
            cfg_.region_node, cfg_.site_node),
      checkpoints_(cfg_.site_node.size()) {
  const size_t links = topo.link_count();
  const size_t regions = cfg_.region_node.size(), sites = cfg_.site_node.size();
  // Variant 0 of a pair leaves from the node's own host; the others from a host of their own.
  for (const auto& ref : plan_.routes()) {
    const auto& p = plan_.pair(ref.pair);
    RouteDecl d{p.a, p.b, p.variants[ref.variant].links, ""};
    if (ref.variant > 0) d.host = topo.node(p.a).id + "~" + topo.node(p.b).id + "#" + std::to_string(ref.variant);
    decls_.push_back(std::move(d));
  }

  inputs_.resize(regions);
  waiting_.resize(regions);
  output_channel_.assign(sites, std::vector<int>(regions, -1));
  auto channel = [&](Kind kind, int pair, int from_node, int region) {
    channels_.push_back(Channel{kind, pair, from_node != plan_.pair(pair).a, region, 0, false, Flow{}});
    return static_cast<int>(channels_.size() - 1);
  };
  for (size_t s = 0; s < sites; ++s)
    for (size_t r = 0; r < regions; ++r) {
      const int p = plan_.region_site_pair(static_cast<int>(r), static_cast<int>(s));
      if (p >= 0) output_channel_[s][r] = channel(Kind::output, p, cfg_.site_node[s], static_cast<int>(r));
    }
  // Checkpoints go to the nearest other site.
  checkpoint_channel_.assign(sites, -1);
  for (size_t s = 0; s < sites; ++s)
    if (const int p = plan_.checkpoint_pair(static_cast<int>(s)); p >= 0)
      checkpoint_channel_[s] = channel(Kind::checkpoint, p, cfg_.site_node[s], -1);
  replication_channel_.assign(sites, std::vector<int>(sites, -1));
  if (cfg_.replication_gb > 0 && cfg_.replication_every_s > 0)
    for (size_t a = 0; a < sites; ++a)
      for (size_t b = 0; b < sites; ++b)
        if (const int p = plan_.site_site_pair(static_cast<int>(a), static_cast<int>(b)); p >= 0)
          replication_channel_[a][b] = channel(Kind::replication, p, cfg_.site_node[a], -1);
  next_replication_s_ = cfg_.replication_every_s;

  if (cfg_.fluid) {
    std::vector<double> capacity(2 * links);
    for (size_t l = 0; l < links; ++l)  // full duplex, as the SimGrid platform's split-duplex links
      capacity[2 * l] = capacity[2 * l + 1] = topo.link(static_cast<int>(l)).bandwidth_gbps * 1e9 / 8.0;
    fluid_ = std::make_unique<network::FluidFlows>(std::move(capacity));
  }
  link_bytes_.assign(2 * links, 0.0);
  regions_.resize(regions);
  cutoff_since_.assign(regions, nan);
  link_down_since_.assign(links, nan);
  up_.assign(links, true);
  mutex = sg4::Mutex::create();
  applied_cv = sg4::ConditionVariable::create();
}

void Backbone::attach(Platform* platform) {
  platform_ = platform;
  apply_epoch(0, 0.0);
}

void Backbone::apply_epoch(size_t k, double now) {
  const auto prev = up_;
  up_ = plan_.links_up(k);
  current_ = k;
  for (size_t l = 0; l < up_.size(); ++l) {
    if (prev[l] && !up_[l]) link_down_since_[l] = now;
    if (!prev[l] && up_[l]) {
      events_out_.push_back({"link_down", topo_.link(static_cast<int>(l)).id, link_down_since_[l], now});
      link_down_since_[l] = nan;
    }
  }
  // Links back up are on in SimGrid before stalled transfers restart over them (a comm
  // started over a link that is off fails at once).
  if (platform_)
    for (size_t l = 0; l < up_.size(); ++l)
      if (up_[l] && k > 0 && !prev[l]) set_link_state(*platform_, static_cast<int>(l), true);
  // Move every transfer off the links that went down, before SimGrid turns them off
  // (a comm on a link turned off fails and its remaining bytes are lost).
  auto reroute = [&](Flow& f) {
    if (moving(f)) {
      if (!crosses_down(f)) return;
      double rem = remaining_now(f, now);
      if (rem <= 0) return;  // done at this very instant: its waiter collects it
      account(f, rem);
      stop(f, now);
      rerouted_gb_ += rem / 1e9;
      ++reroutes_;
      if (f.kind == Kind::input && !f.rerouted) ++regions_[f.region].rerouted_jobs;
      f.rerouted = true;
      start_flow(f, now);
    } else if (f.variant < 0 && f.bytes > 0) {
      start_flow(f, now);  // stalled: a route may be back
    }
  };
  for (auto& per_region : inputs_)
    for (auto& f : per_region) reroute(f);
  for (auto& c : channels_)
    if (c.busy) reroute(c.flow);
  if (platform_)
    for (size_t l = 0; l < up_.size(); ++l)
      if (!up_[l] && (k == 0 || prev[l])) set_link_state(*platform_, static_cast<int>(l), false);

  for (size_t r = 0; r < regions_.size(); ++r) {
    bool is_cut = plan_.region_cut(static_cast<int>(r), k);
    bool was_cut = !std::isnan(cutoff_since_[r]);
    if (is_cut && !was_cut) {
      cutoff_since_[r] = now;
      ++regions_[r].cutoff_events;
    } else if (!is_cut && was_cut) {
      regions_[r].cutoff_s += now - cutoff_since_[r];
      events_out_.push_back({"region_cutoff", std::to_string(r), cutoff_since_[r], now});
      cutoff_since_[r] = nan;
    }
  }
  applied_ = k + 1;
}

bool Backbone::crosses_down(const Flow& f) const {
  if (f.variant < 0) return false;
  for (int l : plan_.pair(f.pair).variants[f.variant].links)
    if (!up_[l]) return true;
  return false;
}

double Backbone::remaining_now(const Flow& f, double now) const {
  if (f.fid) return fluid_->remaining(f.fid, now);
  return f.comm ? f.comm->get_remaining() : f.remaining;
}

int Backbone::channel_of(const Flow& f) const {
  for (size_t c = 0; c < channels_.size(); ++c)
    if (&channels_[c].flow == &f) return static_cast<int>(c);
  throw std::logic_error("backbone: a channel's transfer outside its channel");
}

void Backbone::stop(Flow& f, double now) {
  if (f.fid) {
    fluid_->cancel(f.fid, now);
    fluid_owner_.erase(f.fid);
    f.fid = 0;
  }
  if (f.comm) {
    f.comm->cancel();
    f.comm = nullptr;
  }
}

void Backbone::start_flow(Flow& f, double now) {
  const auto& p = plan_.pair(f.pair);
  int v = p.at_epoch[current_];
  f.variant = v;
  if (v < 0) {
    if (!f.stalled) {
      ++stalls_;
      if (f.kind == Kind::input) ++regions_[f.region].stalled_jobs;
    }
    f.stalled = true;
    f.comm = nullptr;
    f.fid = 0;
    return;
  }
  const auto& var = p.variants[v];
  if (fluid_) {
    std::vector<int> links;
    links.reserve(var.directed.size());
    for (int d : var.directed) links.push_back(f.reverse ? (d ^ 1) : d);
    // Whole bytes, as a SimGrid comm's size.
    f.fid = fluid_->start(links, var.latency_s, static_cast<double>(whole_bytes(f.remaining)), now);
    fluid_owner_[f.fid] = f.kind == Kind::input ? f.region : -1 - channel_of(f);
    ++comms_started_;
    f.worst_rtt_s = std::max(f.worst_rtt_s, 2 * var.latency_s);
    return;
  }
  sg4::Host* a = platform_->route_hosts[var.route];
  sg4::Host* b = platform_->hosts[p.b];
  f.comm = f.reverse ? sg4::Comm::sendto_async(b, a, whole_bytes(f.remaining))
                     : sg4::Comm::sendto_async(a, b, whole_bytes(f.remaining));
  ++comms_started_;
  f.worst_rtt_s = std::max(f.worst_rtt_s, 2 * var.latency_s);
}

void Backbone::account(Flow& f, double remaining_now) {
  double delivered = f.remaining - remaining_now;
  f.remaining = remaining_now;
  if (delivered <= 0 || f.variant < 0) return;
  for (int d : plan_.pair(f.pair).variants[f.variant].directed) link_bytes_[f.reverse ? (d ^ 1) : d] += delivered;
}

bool Backbone::start_input(int region, const workload::Job& job, double now, bool count_latency) {
  int p = plan_.region_site_pair(region, job.site);
  double bytes = job.input_gb * 1e9;
  if (p < 0 || bytes <= 0) return false;
  Flow f;
  f.kind = Kind::input;
  f.pair = p;
  f.reverse = cfg_.region_node[region] != plan_.pair(p).a;
  f.region = region;
  f.bytes = f.remaining = bytes;
  f.job = job;
  f.count_latency = count_latency;
  regions_[region].input_gb += job.input_gb;
  if (inputs_[region].size() >= cfg_.max_inputs_in_flight) {
    waiting_[region].push_back(std::move(f));  // its turn comes when a transfer ends
    return true;
  }
  start_flow(f, now);
  inputs_[region].push_back(std::move(f));
  return true;
}

void Backbone::latency_check(int region, const workload::Job& job, double rtt_s) {
  double target = cfg_.latency_target_s.empty() ? 0 : cfg_.latency_target_s[job.class_index];
  if (!(target > 0)) return;
  ++regions_[region].latency_jobs;
  if (!(rtt_s <= target)) ++regions_[region].latency_misses;
}

workload::Job Backbone::finish_input(int region, size_t i, double now) {
  Flow f = std::move(inputs_[region][i]);
  inputs_[region].erase(inputs_[region].begin() + static_cast<long>(i));
  account(f, 0.0);
  if (f.count_latency) latency_check(region, f.job, f.stalled ? infinity : f.worst_rtt_s);
  if (!waiting_[region].empty()) {
    Flow next = std::move(waiting_[region].front());
    waiting_[region].pop_front();
    start_flow(next, now);
    inputs_[region].push_back(std::move(next));
  }
  return f.job;
}

void Backbone::delivered_locally(const workload::Job& job) {
  double lat = latency_s(job.origin_region, job.site);
  latency_check(job.origin_region, job, 2 * lat);
}

void Backbone::job_started(const workload::Job& job, double now) {
  if (job.site < 0 || checkpoint_channel_[job.site] < 0) return;
  double every = cfg_.checkpoint_interval_s.empty() ? 0 : cfg_.checkpoint_interval_s[job.class_index];
  double gb = cfg_.checkpoint_gb.empty() ? 0 : cfg_.checkpoint_gb[job.class_index];
  if (every > 0 && gb > 0) checkpoints_.start(job.site, job.id, gb, every, now);
}

void Backbone::job_ended(const workload::Job& job) {
  if (draining_ || job.site < 0) return;
  checkpoints_.stop(job.site, job.id);  // every job that ends, killed ones too
  if (job.status != workload::JobStatus::completed) return;
  int c = output_channel_[job.site][job.origin_region];
  if (c < 0 || !(job.output_gb > 0)) return;
  channels_[c].backlog_bytes += job.output_gb * 1e9;
  regions_[job.origin_region].output_gb += job.output_gb;
  output_gb_ += job.output_gb;
}

void Backbone::tick(double now) {
  for (size_t s = 0; s < checkpoint_channel_.size(); ++s) {
    const double gb = checkpoints_.collect_gb(static_cast<int>(s), now);
    if (gb > 0) {
      channels_[checkpoint_channel_[s]].backlog_bytes += gb * 1e9;
      checkpoint_gb_ += gb;
    }
  }
  if (cfg_.replication_every_s > 0)
    for (; next_replication_s_ <= now; next_replication_s_ += cfg_.replication_every_s)
      for (const auto& row : replication_channel_)
        for (int c : row)
          if (c >= 0) channels_[c].backlog_bytes += cfg_.replication_gb * 1e9, replication_gb_ += cfg_.replication_gb;
  start_idle(now);
}

void Backbone::start_idle(double now) {
  for (auto& c : channels_) {
    if (c.busy || !(c.backlog_bytes >= 1)) continue;
    c.flow = Flow{};
    c.flow.kind = c.kind;
    c.flow.pair = c.pair;
    c.flow.reverse = c.reverse;
    c.flow.region = c.region;
    c.flow.bytes = c.flow.remaining = c.backlog_bytes;
    c.backlog_bytes = 0;
    c.busy = true;
    start_flow(c.flow, now);
  }
}

void Backbone::channel_comms(std::vector<sg4::CommPtr>& comms, std::vector<size_t>& owner) {
  comms.clear();
  owner.clear();
  for (size_t c = 0; c < channels_.size(); ++c)
    if (channels_[c].busy && channels_[c].flow.comm) {
      comms.push_back(channels_[c].flow.comm);
      owner.push_back(c);
    }
}

void Backbone::channel_done(size_t c) {
  account(channels_[c].flow, 0.0);
  channels_[c].flow = Flow{};
  channels_[c].busy = false;
}

size_t Backbone::recover_failed() {
  // At the horizon drain() cancels every comm; a waiter woken by that must not restart them.
  if (draining_) return 0;
  size_t n = 0;
  auto fix = [&](Flow& f) {
    if (!f.comm) return;
    auto st = f.comm->get_state();
    if (st != sg4::Activity::State::FAILED && st != sg4::Activity::State::CANCELED) return;
    f.comm = nullptr;
    ++n;
    start_flow(f, sg4::Engine::get_clock());
  };
  for (auto& per_region : inputs_)
    for (auto& f : per_region) fix(f);
  for (auto& c : channels_)
    if (c.busy) fix(c.flow);
  recovered_ += n;
  return n;
}

void Backbone::account_all(double now) {
  for (auto& per_region : inputs_)
    for (auto& f : per_region)
      if (moving(f)) account(f, remaining_now(f, now));
  for (auto& c : channels_)
    if (c.busy && moving(c.flow)) account(c.flow, remaining_now(c.flow, now));
}

std::vector<workload::Job> Backbone::advance_flows(double t) {
  std::vector<workload::Job> out;
  bool channel_ended = false;
  for (uint64_t id : fluid_->advance_to(t)) {
    auto it = fluid_owner_.find(id);
    if (it == fluid_owner_.end()) throw std::logic_error("backbone: a fluid transfer with no owner ended");
    const int owner = it->second;
    fluid_owner_.erase(it);
    if (owner >= 0) {
      auto& in = inputs_[owner];
      size_t i = 0;
      while (i < in.size() && in[i].fid != id) ++i;
      if (i == in.size()) throw std::logic_error("backbone: an ended input not in flight");
      in[i].fid = 0;
      out.push_back(finish_input(owner, i, t));
    } else {
      const auto c = static_cast<size_t>(-1 - owner);
      channels_[c].flow.fid = 0;
      channel_done(c);
      channel_ended = true;
    }
  }
  if (channel_ended) start_idle(t);  // their next batches, as the network actor does after a comm
  return out;
}

std::vector<workload::Job> Backbone::drain(double now) {
  draining_ = true;
  std::vector<workload::Job> out;
  for (size_t r = 0; r < inputs_.size(); ++r) {
    for (auto& f : inputs_[r]) {
      if (moving(f)) {
        account(f, remaining_now(f, now));
        stop(f, now);
      }
      if (f.count_latency) latency_check(static_cast<int>(r), f.job, f.stalled ? infinity : f.worst_rtt_s);
      f.job.transfer_s = now - f.job.submit_s;
      f.job.status = workload::JobStatus::unfinished;
      out.push_back(f.job);
    }
    inputs_[r].clear();
    for (auto& f : waiting_[r]) {  // never started: unfinished, like those in flight
      if (f.count_latency) latency_check(static_cast<int>(r), f.job, infinity);
      f.job.transfer_s = now - f.job.submit_s;
      f.job.status = workload::JobStatus::unfinished;
      out.push_back(f.job);
    }
    waiting_[r].clear();
  }
  for (auto& c : channels_) {
    if (c.busy && moving(c.flow)) {
      account(c.flow, remaining_now(c.flow, now));
      stop(c.flow, now);
    }
    backlog_end_gb_ += (c.backlog_bytes + (c.busy ? c.flow.remaining : 0)) / 1e9;
    c.busy = false;
    c.flow = Flow{};
  }
  for (size_t l = 0; l < link_down_since_.size(); ++l)
    if (!std::isnan(link_down_since_[l])) events_out_.push_back({"link_down", topo_.link(static_cast<int>(l)).id, link_down_since_[l], now});
  for (size_t r = 0; r < regions_.size(); ++r)
    if (!std::isnan(cutoff_since_[r])) {
      regions_[r].cutoff_s += now - cutoff_since_[r];
      events_out_.push_back({"region_cutoff", std::to_string(r), cutoff_since_[r], now});
      cutoff_since_[r] = nan;
    }
  return out;
}

output::NetworkResults Backbone::results() const {
  output::NetworkResults n;
  n.regions = regions_;
  n.events = events_out_;
  std::stable_sort(n.events.begin(), n.events.end(),
                   [](const auto& x, const auto& y) { return x.start_s < y.start_s; });
  n.rerouted_gb = rerouted_gb_;
  n.reroutes = reroutes_;
  n.stalls = stalls_;
  n.output_gb = output_gb_;
  n.checkpoint_gb = checkpoint_gb_;
  n.replication_gb = replication_gb_;
  n.unsent_gb = backlog_end_gb_;
  return n;
}

}  // namespace sovcap::engine
