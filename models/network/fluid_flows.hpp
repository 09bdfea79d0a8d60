#pragma once
// Transfers sharing the backbone's links as fluid flows, with the sharing rule
// of SimGrid's CM02 model as sovcap configures it (TCP-gamma 0, no
// cross-traffic; measured on SimGrid 3.32, docs/network.md "Sharing"):
//
// - a transfer first waits its route's one-way latency, using no bandwidth;
// - then it moves its bytes at a rate set by weighted max-min fairness over the
//   directed links it crosses (each link's capacity in bytes/s shared by the
//   transfers in their bandwidth phase), with weight 1 / latency: at a common
//   bottleneck a transfer's rate is inversely proportional to its route's
//   latency (TCP's RTT unfairness); a route of zero latency has weight 1;
// - it ends when its bytes are moved: latency + bytes / rate for one alone.
//
// The engine's calendar asks for the next event (a transfer leaving its latency
// phase or ending) and advances to it; rates change only at events. Plain
// bookkeeping, no engine: the same function runs the actors' SimGrid comms'
// physics without SimGrid's per-transfer activity, action and context switch.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace sovcap::network {
namespace detail {
struct FillScratch;  // fluid_flows.cpp
}

// Weighted max-min fair rates (progressive filling). route[i]: the directed links flow i
// crosses; weight[i] > 0; capacity[d] > 0, bytes/s. Returns each flow's rate, bytes/s.
// A flow that crosses no link is not limited by any: +inf.
std::vector<double> max_min_rates(const std::vector<double>& capacity, const std::vector<std::vector<int>>& route,
                                  const std::vector<double>& weight);

class FluidFlows {
 public:
  using Id = uint64_t;  // 1, 2, ... in start order; never reused
  // capacity: bytes/s by directed link (2 * link + direction), each > 0.
  explicit FluidFlows(std::vector<double> capacity_bytes_per_s);
  ~FluidFlows();

  // A transfer of `bytes` (>= 0) over `directed_links` starting at now_s (not before the
  // last event or call), whose route has one-way latency latency_s (>= 0).
  Id start(const std::vector<int>& directed_links, double latency_s, double bytes, double now_s);
  // Bytes still to move at now_s (the bytes at start until its latency has passed; 0 once ended).
  double remaining(Id id, double now_s) const;
  // Stop a transfer at now_s; the bandwidth it held goes to the others.
  void cancel(Id id, double now_s);
  // The next event: a transfer leaving its latency phase or ending; +inf when none.
  // Transfers that ended while a start or a cancel caught up to its instant count as an event
  // at the instant they ended, until advance_to returns them.
  double next_event_s() const { return ended_.empty() ? next_event_s_ : first_end_s_; }
  // Runs every event up to t (inclusive), in time order; returns the transfers that ended,
  // in the order they ended (at one instant, in start order). They are gone afterwards.
  std::vector<Id> advance_to(double t);
  size_t active() const { return flows_.size(); }
  bool contains(Id id) const;
  // The present rate of a transfer, bytes/s (0 in its latency phase).
  double rate(Id id) const;

 private:
  struct Flow {
    Id id;
    std::vector<int> links;
    double weight;
    double bandwidth_from_s;  // start + latency
    double remaining;         // bytes, at ref_s
    double rate = 0;          // bytes/s since ref_s
    double end_s;             // at the present rate
  };
  void catch_up(double t);  // runs the events before or at t; ends wait in ended_ for advance_to
  void move_to(double t);   // every flow's remaining brought to t at the present rates
  void reshare();           // rates of the flows in their bandwidth phase, and the next event
  void set_next_event();    // the earliest end or start of a bandwidth phase
  std::vector<Flow>::const_iterator position(Id id) const;  // flows_.end() if not there
  const Flow* find(Id id) const;

  std::vector<double> capacity_;
  std::vector<Flow> flows_;  // in start order
  double ref_s_ = 0;
  double next_event_s_ = std::numeric_limits<double>::infinity();
  Id next_id_ = 1;
  std::vector<Id> ended_;
  double first_end_s_ = 0;  // when the first of ended_ ended
  // Scratch for reshare (no allocation per event).
  std::vector<size_t> idx_;
  std::vector<double> weight_, rate_;
  std::unique_ptr<detail::FillScratch> scratch_;
};

}  // namespace sovcap::network
