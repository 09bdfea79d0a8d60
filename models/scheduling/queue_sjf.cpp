// Shortest job first by requested time left, FCFS among equals, strict (the shortest blocks).
// Jobs put back after a suspension go first: they already hold progress and memory state.
#include <limits>

#include "models/scheduling/queue_discipline.hpp"
#include "models/scheduling/ranked_queue.hpp"

namespace sovcap::scheduling {
namespace {

class SjfQueue final : public QueueDiscipline {
 public:
  void push(QueuedJob job, bool front) override {
    double rank = front ? -std::numeric_limits<double>::infinity() : job.requested_left_s;
    q_.push(rank, std::move(job), front);
  }
  size_t size() const override { return q_.size(); }
  void schedule(PoolAccess& pool) override {
    while (!q_.empty()) {
      int units = q_.head()->second.job.units;
      if (units > pool.free_units() || !pool.power_allows(units)) break;
      pool.start(q_.pop_head());
    }
  }
  std::vector<QueuedJob> take_all() override { return q_.take_all(); }
  std::vector<QueuedJob> take_if(const std::function<bool(const QueuedJob&)>& keep_out) override {
    return q_.take_if(keep_out);
  }

 private:
  RankedQueue q_;
};

}  // namespace

std::unique_ptr<QueueDiscipline> make_sjf_queue() { return std::make_unique<SjfQueue>(); }

}  // namespace sovcap::scheduling
