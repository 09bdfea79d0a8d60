#include "simulator/output/site_integrals.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sovcap::output {

SiteIntegrals::SiteIntegrals(size_t sites) : integral_(sites, std::vector<double>(site_metrics().size(), 0.0)) {}

void SiteIntegrals::integrate_pending(double until_s) {
  if (!has_pending_) return;
  double dt = std::max(0.0, until_s - pending_t_s_);
  const auto& metrics = site_metrics();
  for (size_t s = 0; s < pending_.size(); ++s)
    for (size_t m = 0; m < metrics.size(); ++m) integral_[s][m] += pending_[s].*(metrics[m].field) * dt;
  covered_s_ += dt;
  has_pending_ = false;
}

void SiteIntegrals::add(double t_s, const std::vector<SiteSample>& samples) {
  if (samples.size() != integral_.size())
    throw std::invalid_argument("a sample has " + std::to_string(samples.size()) + " sites, the run " +
                                std::to_string(integral_.size()));
  integrate_pending(t_s);
  pending_ = samples;
  pending_t_s_ = t_s;
  has_pending_ = true;
}

void SiteIntegrals::close(double end_s) { integrate_pending(end_s); }

double SiteIntegrals::integral(size_t s, const char* metric) const {
  const auto& metrics = site_metrics();
  for (size_t m = 0; m < metrics.size(); ++m)
    if (std::strcmp(metrics[m].name, metric) == 0) return integral_[s][m];
  throw std::invalid_argument(std::string("no site metric ") + metric);
}

}  // namespace sovcap::output
