#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {

std::unique_ptr<QueueDiscipline> make_queue(QueuePolicy policy, const PoolSpec& spec) {
  switch (policy) {
    case QueuePolicy::fcfs: return make_fcfs_queue();
    case QueuePolicy::easy_backfill: return make_easy_backfill_queue(true);
    case QueuePolicy::easy_backfill_fifo: return make_easy_backfill_queue(false);
    case QueuePolicy::priority: return make_priority_queue();
    case QueuePolicy::sjf: return make_sjf_queue();
    case QueuePolicy::carbon_aware: return make_carbon_aware_queue(spec.carbon_deadline_margin_s);
  }
  return make_fcfs_queue();
}

}  // namespace sovcap::scheduling
