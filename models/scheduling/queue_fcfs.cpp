// First come, first served, strictly: a head that does not fit (units or power) blocks the queue.
#include <deque>

#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {
namespace {

class FcfsQueue final : public QueueDiscipline {
 public:
  void push(QueuedJob job, bool front) override {
    if (front)
      q_.push_front(std::move(job));
    else
      q_.push_back(std::move(job));
  }
  size_t size() const override { return q_.size(); }
  void schedule(PoolAccess& pool) override {
    while (!q_.empty()) {
      int units = q_.front().job.units;
      if (units > pool.free_units() || !pool.power_allows(units)) break;
      QueuedJob job = std::move(q_.front());
      q_.pop_front();
      pool.start(std::move(job));
    }
  }
  std::vector<QueuedJob> take_if(const std::function<bool(const QueuedJob&)>& keep_out) override {
    std::vector<QueuedJob> out;
    std::deque<QueuedJob> kept;
    for (auto& j : q_) (keep_out(j) ? out.emplace_back(std::move(j)) : kept.emplace_back(std::move(j)));
    q_.swap(kept);
    return out;
  }
  std::vector<QueuedJob> take_all() override {
    std::vector<QueuedJob> out(std::make_move_iterator(q_.begin()), std::make_move_iterator(q_.end()));
    q_.clear();
    return out;
  }

 private:
  std::deque<QueuedJob> q_;
};

}  // namespace

std::unique_ptr<QueueDiscipline> make_fcfs_queue() { return std::make_unique<FcfsQueue>(); }

}  // namespace sovcap::scheduling
