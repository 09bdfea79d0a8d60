// One FCFS pool of c one-unit nodes under Poisson arrivals and exponential run times is an M/M/c
// queue: its mean wait must match Erlang C, and its queue must obey Little's law.
#include <gtest/gtest.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "models/scheduling/erlang_c.hpp"
#include "tests/scheduling/pool_helpers.hpp"

namespace sovcap::scheduling {
namespace {

TEST(MMcValidation, MeanWaitMatchesErlangCAndLittlesLawHolds) {
  const int c = 10;
  const double mu = 1.0 / 600.0;  // 10-minute mean run time
  const double lambda = 0.9 * c * mu;
  const int n_jobs = 200000, warmup = 20000;

  Pool pool(testing::pool_spec(c, 1), QueuePolicy::fcfs);
  boost::random::mt19937_64 rng(20240601);
  boost::random::exponential_distribution<double> interarrival(lambda), service(mu);

  std::unordered_map<uint64_t, double> submit_s;
  double wait_sum = 0;
  long waits = 0;
  // Little's law over the window [t0, t1] where jobs warmup..n_jobs-1 arrive: the time-average
  // number waiting equals the arrival rate in the window times the mean wait of its arrivals.
  double t0 = 0, t1 = std::numeric_limits<double>::infinity(), area = 0, last_t = 0;
  bool in_window = false;

  auto account_started = [&](const std::vector<workload::Job>& started) {
    for (const auto& j : started)
      if (j.id >= static_cast<uint64_t>(warmup)) {
        wait_sum += j.start_s - j.submit_s;
        ++waits;
      }
  };
  auto advance_area = [&](double t) {
    if (in_window) area += static_cast<double>(pool.queued_jobs()) * (std::min(t, t1) - last_t);
    last_t = t;
  };

  double next_arrival = interarrival(rng);
  int submitted = 0;
  while (submitted < n_jobs || pool.running_jobs() > 0 || pool.queued_jobs() > 0) {
    double next_done = pool.next_completion_s();
    if (submitted < n_jobs && next_arrival <= next_done) {
      double now = next_arrival;
      advance_area(now);
      if (submitted == warmup) {
        in_window = true;
        t0 = now;
        last_t = now;
      }
      auto j = testing::job(static_cast<uint64_t>(submitted), 1, service(rng));
      j.submit_s = now;
      pool.submit(j, now);
      account_started(pool.start_ready(now));
      ++submitted;
      next_arrival = now + interarrival(rng);
      if (submitted == n_jobs) t1 = next_arrival;  // the window closes where the next arrival would be
    } else {
      double now = next_done;
      if (in_window && submitted == n_jobs && now >= t1) {
        advance_area(t1);
        in_window = false;
      }
      advance_area(now);
      pool.complete_until(now);
      account_started(pool.start_ready(now));
    }
  }
  if (in_window) advance_area(t1);

  double mean_wait = wait_sum / waits;
  double expected = erlang_c_mean_wait_s(c, lambda, mu);
  EXPECT_NEAR(mean_wait / expected, 1.0, 0.05) << "mean wait " << mean_wait << " s, Erlang C " << expected << " s";

  double mean_queue = area / (t1 - t0);
  double rate = static_cast<double>(n_jobs - warmup) / (t1 - t0);
  EXPECT_NEAR(mean_queue / (rate * mean_wait), 1.0, 0.02) << "Lq " << mean_queue << ", lambda*Wq " << rate * mean_wait;
}

}  // namespace
}  // namespace sovcap::scheduling
