#include "models/scheduling/node_failures.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include <limits>

namespace sovcap::scheduling {

constexpr double inf = std::numeric_limits<double>::infinity();

NodeFailures::NodeFailures(int nodes, double mtbf_s, double mttr_s, uint64_t seed, double start_s)
    : nodes_(nodes), up_(nodes), mtbf_s_(mtbf_s), mttr_s_(mttr_s), rng_(seed), next_failure_s_(inf) {
  draw_failure(start_s);
}

void NodeFailures::draw_failure(double from_s) {
  if (!(mtbf_s_ > 0) || up_ == 0) {
    next_failure_s_ = inf;
    return;
  }
  boost::random::exponential_distribution<double> gap(up_ / mtbf_s_);
  next_failure_s_ = from_s + gap(rng_);
}

double NodeFailures::next_s() const {
  double repair = repairs_.empty() ? inf : repairs_.top();
  return std::min(next_failure_s_, repair);
}

NodeEvent NodeFailures::pop() {
  NodeEvent e;
  if (!repairs_.empty() && repairs_.top() <= next_failure_s_) {
    e.t_s = repairs_.top();
    e.failure = false;
    repairs_.pop();
    ++up_;
  } else {
    e.t_s = next_failure_s_;
    e.failure = true;
    e.u01 = boost::random::uniform_01<double>()(rng_);
    double down_s = 0;
    if (mttr_s_ > 0) down_s = boost::random::exponential_distribution<double>(1.0 / mttr_s_)(rng_);
    repairs_.push(e.t_s + down_s);
    --up_;
  }
  // Memoryless: the time to the next failure is redrawn for the new number of nodes up.
  draw_failure(e.t_s);
  return e;
}

}  // namespace sovcap::scheduling
