#include "models/network/checkpoint_traffic.hpp"

#include <algorithm>

namespace sovcap::network {

void CheckpointTraffic::start(int site, uint64_t id, double gb, double every_s, double now_s) {
  auto& jobs = jobs_[site];
  if (auto it = jobs.find(id); it != jobs.end()) due_[site].erase({it->second.next_s, id});
  jobs[id] = Job{gb, every_s, now_s + every_s};
  due_[site].insert({now_s + every_s, id});
}

void CheckpointTraffic::stop(int site, uint64_t id) {
  auto& jobs = jobs_[site];
  if (auto it = jobs.find(id); it != jobs.end()) {
    due_[site].erase({it->second.next_s, id});
    jobs.erase(it);
  }
}

double CheckpointTraffic::collect_gb(int site, double now_s) {
  double gb = 0;
  auto& due = due_[site];
  // Only the due jobs are visited, in job-id order.
  scratch_.clear();
  for (auto it = due.begin(); it != due.end() && it->first <= now_s; ++it) scratch_.push_back(it->second);
  std::sort(scratch_.begin(), scratch_.end());
  for (uint64_t id : scratch_) {
    Job& j = jobs_[site].at(id);
    due.erase({j.next_s, id});
    while (j.next_s <= now_s) gb += j.gb, j.next_s += j.every_s;
    due.insert({j.next_s, id});
  }
  return gb;
}

}  // namespace sovcap::network
