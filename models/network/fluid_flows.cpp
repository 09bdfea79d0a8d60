#include "models/network/fluid_flows.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace sovcap::network {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// Progressive filling: raise a common level L (each unfixed flow's rate is L x its weight)
// until some link is full; fix the flows crossing it; repeat with what the other links have left.
// `links_of(i)` gives flow i's directed links. Scratch vectors are the caller's (no allocation
// per event in the engine).
template <class LinksOf>
void fill(const std::vector<double>& capacity, size_t n, LinksOf links_of, const std::vector<double>& weight,
          std::vector<double>& rate, std::vector<double>& used, std::vector<double>& wsum, std::vector<char>& fixed) {
  rate.assign(n, inf);
  fixed.assign(n, 0);
  used.assign(capacity.size(), 0.0);
  size_t left = n;
  for (size_t i = 0; i < n; ++i)
    if (links_of(i).empty()) fixed[i] = 1, --left;  // nothing limits it
  while (left > 0) {
    wsum.assign(capacity.size(), 0.0);
    for (size_t i = 0; i < n; ++i)
      if (!fixed[i])
        for (int d : links_of(i)) wsum[d] += weight[i];
    double level = inf;
    for (size_t d = 0; d < capacity.size(); ++d)
      if (wsum[d] > 0) level = std::min(level, std::max(0.0, capacity[d] - used[d]) / wsum[d]);
    // Every flow crossing a link that is full at this level is fixed now.
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      if (fixed[i]) continue;
      bool at_bottleneck = false;
      for (int d : links_of(i))
        if (std::max(0.0, capacity[d] - used[d]) / wsum[d] <= level) at_bottleneck = true;
      if (!at_bottleneck) continue;
      rate[i] = level * weight[i];
      fixed[i] = 2;  // fixed in this round: its use is added below, after the round
      any = true;
    }
    if (!any) throw std::logic_error("max_min_rates: no bottleneck found");
    for (size_t i = 0; i < n; ++i)
      if (fixed[i] == 2) {
        for (int d : links_of(i)) used[d] += rate[i];
        fixed[i] = 1;
        --left;
      }
  }
}

}  // namespace

std::vector<double> max_min_rates(const std::vector<double>& capacity, const std::vector<std::vector<int>>& route,
                                  const std::vector<double>& weight) {
  if (route.size() != weight.size()) throw std::invalid_argument("max_min_rates: one weight per flow");
  for (double c : capacity)
    if (!(c > 0) || std::isinf(c)) throw std::invalid_argument("max_min_rates: capacities must be finite and > 0");
  for (size_t i = 0; i < route.size(); ++i) {
    if (!(weight[i] > 0) || std::isinf(weight[i])) throw std::invalid_argument("max_min_rates: weights must be finite and > 0");
    for (int d : route[i])
      if (d < 0 || static_cast<size_t>(d) >= capacity.size())
        throw std::invalid_argument("max_min_rates: link " + std::to_string(d) + " out of range");
  }
  std::vector<double> rate, used, wsum;
  std::vector<char> fixed;
  fill(capacity, route.size(), [&](size_t i) -> const std::vector<int>& { return route[i]; }, weight, rate, used, wsum,
       fixed);
  return rate;
}

FluidFlows::FluidFlows(std::vector<double> capacity) : capacity_(std::move(capacity)) {
  for (double c : capacity_)
    if (!(c > 0) || std::isinf(c)) throw std::invalid_argument("FluidFlows: capacities must be finite and > 0");
}

FluidFlows::Id FluidFlows::start(const std::vector<int>& links, double latency_s, double bytes, double now_s) {
  if (!(latency_s >= 0) || std::isinf(latency_s)) throw std::invalid_argument("FluidFlows::start: latency must be finite and >= 0");
  if (!(bytes >= 0) || std::isinf(bytes)) throw std::invalid_argument("FluidFlows::start: bytes must be finite and >= 0");
  for (int d : links)
    if (d < 0 || static_cast<size_t>(d) >= capacity_.size())
      throw std::invalid_argument("FluidFlows::start: link " + std::to_string(d) + " out of range");
  catch_up(now_s);
  move_to(now_s);
  // SimGrid's CM02 penalty is the route's latency (1 for none); the share goes as its inverse.
  Flow f{next_id_++, links, latency_s > 0 ? 1.0 / latency_s : 1.0, now_s + latency_s, bytes, 0.0, inf};
  flows_.push_back(std::move(f));
  reshare();
  return flows_.back().id;
}

const FluidFlows::Flow* FluidFlows::find(Id id) const {
  // Ids grow in start order, and flows_ keeps that order.
  auto it = std::lower_bound(flows_.begin(), flows_.end(), id, [](const Flow& f, Id v) { return f.id < v; });
  return it != flows_.end() && it->id == id ? &*it : nullptr;
}

bool FluidFlows::contains(Id id) const { return find(id) != nullptr; }

double FluidFlows::rate(Id id) const {
  const Flow* f = find(id);
  return f ? f->rate : 0.0;
}

double FluidFlows::remaining(Id id, double now_s) const {
  const Flow* f = find(id);
  if (!f) return 0.0;
  if (f->rate <= 0) return f->remaining;
  const double t = std::min(now_s, f->end_s);
  return std::max(0.0, f->remaining - f->rate * (t - ref_s_));
}

void FluidFlows::cancel(Id id, double now_s) {
  catch_up(now_s);
  move_to(now_s);
  auto it = std::lower_bound(flows_.begin(), flows_.end(), id, [](const Flow& f, Id v) { return f.id < v; });
  if (it == flows_.end() || it->id != id) return;  // ended already
  flows_.erase(it);
  reshare();
}

void FluidFlows::move_to(double t) {
  if (t < ref_s_) throw std::logic_error("FluidFlows: time went back from " + std::to_string(ref_s_) + " to " + std::to_string(t));
  if (t == ref_s_) return;
  for (auto& f : flows_)
    if (f.rate > 0) f.remaining = t >= f.end_s ? 0.0 : std::max(0.0, f.remaining - f.rate * (t - ref_s_));
  ref_s_ = t;
}

void FluidFlows::reshare() {
  idx_.clear();
  weight_.clear();
  for (size_t i = 0; i < flows_.size(); ++i) {
    auto& f = flows_[i];
    f.rate = 0;
    f.end_s = inf;
    if (f.bandwidth_from_s <= ref_s_) idx_.push_back(i), weight_.push_back(f.weight);
  }
  fill(capacity_, idx_.size(), [&](size_t k) -> const std::vector<int>& { return flows_[idx_[k]].links; }, weight_, rate_,
       used_, wsum_, fixed_);
  next_event_s_ = inf;
  for (size_t k = 0; k < idx_.size(); ++k) {
    auto& f = flows_[idx_[k]];
    f.rate = rate_[k];
    f.end_s = f.remaining <= 0 ? ref_s_ : ref_s_ + f.remaining / f.rate;  // rate inf (no link): ends now
    next_event_s_ = std::min(next_event_s_, f.end_s);
  }
  for (const auto& f : flows_)
    if (f.bandwidth_from_s > ref_s_) next_event_s_ = std::min(next_event_s_, f.bandwidth_from_s);
}

void FluidFlows::catch_up(double t) {
  while (next_event_s_ <= t) {
    const double te = next_event_s_;
    move_to(te);
    // Ends at te, in start order; transfers whose latency passes at te join the sharing.
    size_t kept = 0;
    for (size_t i = 0; i < flows_.size(); ++i) {
      if (flows_[i].end_s <= te) {
        ended_.push_back(flows_[i].id);
        continue;
      }
      if (kept != i) flows_[kept] = std::move(flows_[i]);
      ++kept;
    }
    flows_.resize(kept);
    reshare();
  }
}

std::vector<FluidFlows::Id> FluidFlows::advance_to(double t) {
  catch_up(t);
  std::vector<Id> out;
  out.swap(ended_);
  return out;
}

}  // namespace sovcap::network
