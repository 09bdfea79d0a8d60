// Deadline misses per group: a flexible job misses when it ends after its
// deadline, or has not ended when the deadline passes inside the run.
#include <gtest/gtest.h>

#include "simulator/output/job_stats.hpp"

namespace sovcap::output {
namespace {

workload::Job job(double deadline_s, workload::JobStatus status, double end_s) {
  workload::Job j;
  j.submit_s = 0;
  j.start_s = 10;
  j.end_s = end_s;
  j.deadline_s = deadline_s;
  j.status = status;
  return j;
}

TEST(DeadlineMisses, CountedByDefinition) {
  using S = workload::JobStatus;
  JobStats st(1, 1, 1, 1000.0);
  st.add(job(500, S::completed, 400));        // on time
  st.add(job(500, S::completed, 600));        // late
  st.add(job(800, S::unfinished, workload::Job::nan));   // deadline passed inside the run
  st.add(job(5000, S::unfinished, workload::Job::nan));  // deadline after the horizon: not known
  st.add(job(500, S::rejected, workload::Job::nan));     // rejected: counted as rejected, not missed
  st.add(job(std::numeric_limits<double>::infinity(), S::completed, 9e9));  // no deadline
  EXPECT_EQ(st.classes()[0].deadline_jobs, 4);
  EXPECT_EQ(st.classes()[0].deadline_misses, 2);
  EXPECT_EQ(st.regions()[0].deadline_misses, 2);
  EXPECT_EQ(st.all().deadline_misses, 2);
}

}  // namespace
}  // namespace sovcap::output
