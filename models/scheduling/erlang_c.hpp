#pragma once
// Erlang C: the M/M/c queue in steady state (Poisson arrivals at rate lambda, c servers,
// exponential service at rate mu each), the reference for validating a FCFS pool.

namespace sovcap::scheduling {

// Probability that an arrival waits, C(c, a), for offered load a = lambda / mu < c.
double erlang_c_wait_probability(int servers, double offered_load);
// Mean wait in queue Wq = C(c, a) / (c * mu - lambda).
double erlang_c_mean_wait_s(int servers, double arrival_rate_per_s, double service_rate_per_s);
// Mean number waiting Lq = lambda * Wq (Little's law).
double erlang_c_mean_queue_length(int servers, double arrival_rate_per_s, double service_rate_per_s);

}  // namespace sovcap::scheduling
