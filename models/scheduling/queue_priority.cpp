// Highest priority first, FCFS within a priority, strict. A head that lacks units may preempt
// preemptible running jobs of lower priority (they resume later with the work they have left).
#include "models/scheduling/queue_discipline.hpp"
#include "models/scheduling/ranked_queue.hpp"

namespace sovcap::scheduling {
namespace {

class PriorityQueue final : public QueueDiscipline {
 public:
  void push(QueuedJob job, bool front) override {
    double rank = -static_cast<double>(job.job.priority);
    q_.push(rank, std::move(job), front);
  }
  size_t size() const override { return q_.size(); }
  bool orders_by_priority() const override { return true; }
  void schedule(PoolAccess& pool) override {
    while (!q_.empty()) {
      const workload::Job& head = q_.head()->second.job;
      // Preempted jobs have a lower priority than the head, so they queue behind it.
      if (head.units > pool.free_units() && !pool.preempt_for(head.units, head.priority)) break;
      if (!pool.power_allows(head.units)) break;
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

std::unique_ptr<QueueDiscipline> make_priority_queue() { return std::make_unique<PriorityQueue>(); }

}  // namespace sovcap::scheduling
