#include "models/scheduling/erlang_c.hpp"

#include <stdexcept>

namespace sovcap::scheduling {

double erlang_c_wait_probability(int servers, double offered_load) {
  if (servers < 1 || !(offered_load >= 0) || offered_load >= servers)
    throw std::invalid_argument("Erlang C needs c >= 1 and 0 <= a < c");
  // Erlang B by its recurrence (stable for large c, unlike a^c / c!), then C from B.
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered_load * b / (k + offered_load * b);
  double c = servers;
  return c * b / (c - offered_load * (1.0 - b));
}

double erlang_c_mean_wait_s(int servers, double arrival_rate_per_s, double service_rate_per_s) {
  if (!(service_rate_per_s > 0)) throw std::invalid_argument("Erlang C needs mu > 0");
  double pw = erlang_c_wait_probability(servers, arrival_rate_per_s / service_rate_per_s);
  return pw / (servers * service_rate_per_s - arrival_rate_per_s);
}

double erlang_c_mean_queue_length(int servers, double arrival_rate_per_s, double service_rate_per_s) {
  return arrival_rate_per_s * erlang_c_mean_wait_s(servers, arrival_rate_per_s, service_rate_per_s);
}

}  // namespace sovcap::scheduling
