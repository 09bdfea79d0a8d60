#include "models/network/fluid_flows.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace sovcap::network {

struct detail::FillScratch {
  std::vector<double> used, wsum, share;
  std::vector<int> cnt, touched;
  std::vector<char> fixed;
};

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using Scratch = detail::FillScratch;

void check_capacity(const std::vector<double>& capacity, const char* who) {
  for (double c : capacity)
    if (!(c > 0) || std::isinf(c)) throw std::invalid_argument(std::string(who) + ": capacities must be finite and > 0");
}

// Progressive filling: raise a common level L (each unfixed flow's rate is L x its weight)
// until some link is full; fix the flows crossing it; repeat with what the other links have left.
// `links_of(i)` gives flow i's directed links. The scratch is the caller's (no allocation per
// event in the engine): used, wsum and cnt are sized to the links and left all zero.
template <class LinksOf>
void fill(const std::vector<double>& capacity, size_t n, LinksOf links_of, const std::vector<double>& weight,
          std::vector<double>& rate, Scratch& s) {
  rate.assign(n, inf);
  s.fixed.assign(n, 0);
  if (s.used.size() != capacity.size()) {
    s.used.assign(capacity.size(), 0.0);
    s.wsum.assign(capacity.size(), 0.0);
    s.share.assign(capacity.size(), inf);
    s.cnt.assign(capacity.size(), 0);
  }
  s.touched.clear();
  size_t left = n;
  for (size_t i = 0; i < n; ++i) {
    if (links_of(i).empty()) s.fixed[i] = 1, --left;  // nothing limits it
    for (int d : links_of(i)) {
      if (s.cnt[d]++ == 0) s.touched.push_back(d);
      s.wsum[d] += weight[i];
    }
  }
  while (left > 0) {
    // Each link's level if it were the bottleneck (once per round: the flows below only compare).
    double level = inf;
    for (int d : s.touched) {
      s.share[d] = s.cnt[d] > 0 ? std::max(0.0, capacity[d] - s.used[d]) / s.wsum[d] : inf;
      level = std::min(level, s.share[d]);
    }
    // Every flow crossing a link that is full at this level is fixed now.
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      if (s.fixed[i]) continue;
      bool at_bottleneck = false;
      for (int d : links_of(i))
        if (s.share[d] <= level) at_bottleneck = true;
      if (!at_bottleneck) continue;
      rate[i] = level * weight[i];
      s.fixed[i] = 2;  // fixed in this round: its use is taken below, after the round
      any = true;
    }
    if (!any) throw std::logic_error("max_min_rates: no bottleneck found");
    for (size_t i = 0; i < n; ++i)
      if (s.fixed[i] == 2) {
        for (int d : links_of(i)) {
          s.used[d] += rate[i];
          s.wsum[d] = --s.cnt[d] == 0 ? 0.0 : s.wsum[d] - weight[i];
        }
        s.fixed[i] = 1;
        --left;
      }
  }
  for (int d : s.touched) s.used[d] = 0, s.wsum[d] = 0, s.cnt[d] = 0;
}

}  // namespace

std::vector<double> max_min_rates(const std::vector<double>& capacity, const std::vector<std::vector<int>>& route,
                                  const std::vector<double>& weight) {
  if (route.size() != weight.size()) throw std::invalid_argument("max_min_rates: one weight per flow");
  check_capacity(capacity, "max_min_rates");
  for (size_t i = 0; i < route.size(); ++i) {
    if (!(weight[i] > 0) || std::isinf(weight[i])) throw std::invalid_argument("max_min_rates: weights must be finite and > 0");
    for (int d : route[i])
      if (d < 0 || static_cast<size_t>(d) >= capacity.size())
        throw std::invalid_argument("max_min_rates: link " + std::to_string(d) + " out of range");
  }
  std::vector<double> rate;
  detail::FillScratch scratch;
  fill(capacity, route.size(), [&](size_t i) -> const std::vector<int>& { return route[i]; }, weight, rate, scratch);
  return rate;
}

FluidFlows::~FluidFlows() = default;

FluidFlows::FluidFlows(std::vector<double> capacity) : capacity_(std::move(capacity)), scratch_(std::make_unique<detail::FillScratch>()) {
  check_capacity(capacity_, "FluidFlows");
}

FluidFlows::Id FluidFlows::start(const std::vector<int>& links, double latency_s, double bytes, double now_s) {
  if (!(latency_s >= 0) || std::isinf(latency_s)) throw std::invalid_argument("FluidFlows::start: latency must be finite and >= 0");
  if (!(bytes >= 0) || std::isinf(bytes)) throw std::invalid_argument("FluidFlows::start: bytes must be finite and >= 0");
  for (int d : links)
    if (d < 0 || static_cast<size_t>(d) >= capacity_.size())
      throw std::invalid_argument("FluidFlows::start: link " + std::to_string(d) + " out of range");
  catch_up(now_s);
  // SimGrid's CM02 penalty is the route's latency (1 for none); the share goes as its inverse.
  Flow f{next_id_++, links, latency_s > 0 ? 1.0 / latency_s : 1.0, now_s + latency_s, bytes, 0.0, inf};
  flows_.push_back(std::move(f));
  if (latency_s > 0) {  // it shares nothing until its latency has passed: the rates stand
    next_event_s_ = std::min(next_event_s_, now_s + latency_s);
  } else {
    move_to(now_s);
    reshare();
  }
  return flows_.back().id;
}

std::vector<FluidFlows::Flow>::const_iterator FluidFlows::position(Id id) const {
  // Ids grow in start order, and flows_ keeps that order.
  auto it = std::lower_bound(flows_.begin(), flows_.end(), id, [](const Flow& f, Id v) { return f.id < v; });
  return it != flows_.end() && it->id == id ? it : flows_.end();
}

const FluidFlows::Flow* FluidFlows::find(Id id) const {
  auto it = position(id);
  return it != flows_.end() ? &*it : nullptr;
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
  auto it = position(id);
  if (it == flows_.end()) return;  // ended already
  if (!(it->bandwidth_from_s <= ref_s_ && it->rate > 0)) {  // in its latency phase: nobody's rate changes
    flows_.erase(it);
    set_next_event();
    return;
  }
  move_to(now_s);
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
       *scratch_);
  for (size_t k = 0; k < idx_.size(); ++k) {
    auto& f = flows_[idx_[k]];
    f.rate = rate_[k];
    f.end_s = f.remaining <= 0 ? ref_s_ : ref_s_ + f.remaining / f.rate;  // rate inf (no link): ends now
  }
  set_next_event();
}

void FluidFlows::set_next_event() {
  // A sharing transfer's end; a transfer in its latency phase joins the sharing at its end.
  next_event_s_ = inf;
  for (const auto& f : flows_)
    next_event_s_ = std::min(next_event_s_, f.bandwidth_from_s <= ref_s_ ? f.end_s : f.bandwidth_from_s);
}

void FluidFlows::catch_up(double t) {
  while (next_event_s_ <= t && next_event_s_ < inf) {  // t = +inf: every event, then stop
    const double te = next_event_s_;
    move_to(te);
    // Ends at te, in start order; transfers whose latency passes at te join the sharing.
    size_t kept = 0;
    for (size_t i = 0; i < flows_.size(); ++i) {
      if (flows_[i].end_s <= te) {
        if (ended_.empty()) first_end_s_ = te;
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
