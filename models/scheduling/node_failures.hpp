#pragma once
// Node failures of one pool: each of N nodes alternates up ~ Exp(mean mtbf) and
// down ~ Exp(mean mttr), independently. While k nodes are up, the next failure
// comes after Exp(rate k / mtbf) (the minimum of k memoryless clocks), at a node
// chosen uniformly; repairs are kept in time order. The long-run fraction of
// nodes up is mtbf / (mtbf + mttr).
#include <boost/random/mersenne_twister.hpp>

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace sovcap::scheduling {

struct NodeEvent {
  double t_s = 0;
  bool failure = true;  // false: a repair
  double u01 = 0;       // failures: where the failed node falls among the pool's units, in [0, 1)
};

class NodeFailures {
 public:
  // mtbf_s <= 0: nodes never fail (next_s() is +inf).
  NodeFailures(int nodes, double mtbf_s, double mttr_s, uint64_t seed, double start_s = 0);

  double next_s() const;    // time of the next failure or repair
  NodeEvent pop();          // that event; the process moves past it
  int nodes_up() const { return up_; }

 private:
  void draw_failure(double from_s);

  int nodes_ = 0, up_ = 0;
  double mtbf_s_ = 0, mttr_s_ = 0;
  boost::random::mt19937_64 rng_;
  double next_failure_s_;
  std::priority_queue<double, std::vector<double>, std::greater<double>> repairs_;
};

}  // namespace sovcap::scheduling
