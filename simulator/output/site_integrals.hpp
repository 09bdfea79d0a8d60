#pragma once
// Time integrals of every site metric, sample by sample: each sample holds over
// [t_i, t_{i+1}), the last one up to the end of the run.
#include <vector>

#include "simulator/output/samples.hpp"

namespace sovcap::output {

class SiteIntegrals {
 public:
  explicit SiteIntegrals(size_t sites);
  void add(double t_s, const std::vector<SiteSample>& samples);
  // Closes the last sample at end_s (the run's duration).
  void close(double end_s);
  // Integral of metric `m` (index into site_metrics()) at site `s`, in unit x seconds.
  double integral(size_t s, size_t m) const { return integral_[s][m]; }
  // Same, by metric name; throws on an unknown name.
  double integral(size_t s, const char* metric) const;
  // Integral converted to unit x hours (MW -> MWh, kg/h -> kg).
  double hours(size_t s, const char* metric) const { return integral(s, metric) / 3600.0; }
  double covered_s() const { return covered_s_; }

 private:
  void integrate_pending(double until_s);
  std::vector<std::vector<double>> integral_;
  std::vector<SiteSample> pending_;
  double pending_t_s_ = 0;
  bool has_pending_ = false;
  double covered_s_ = 0;
};

}  // namespace sovcap::output
