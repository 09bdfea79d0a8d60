#pragma once
// The jobs arriving from one region, all classes merged: a non-homogeneous
// Poisson process sampled by thinning (Lewis & Shedler, 1979) against a bound
// that is constant over each local hour.
#include <array>
#include <limits>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/random/mersenne_twister.hpp>

#include "models/workload/distribution.hpp"
#include "models/workload/job_source.hpp"
#include "models/workload/params.hpp"

namespace sovcap::workload {

constexpr double seconds_per_year = 31557600;  // Julian year

// The rate model of one class in one region, without randomness.
class ClassRate {
 public:
  // share: the region's share of the class's national demand (0..1).
  ClassRate(const JobClassSpec& cls, double share, int64_t start_utc_s, double utc_offset_h);
  // Arrivals per second at t seconds since start.
  double at(double t_s) const { return at(t_s, growth(t_s)); }
  // The same with growth(t_s) given (the stream memoises it).
  double at(double t_s, double growth_t) const;
  // rate_per_h/3600 * share: the rate before hourly, weekday and growth factors.
  double base_per_s() const { return base_per_s_; }
  double hourly(int local_hour) const { return hourly_[local_hour]; }
  double weekday(int local_weekday) const { return weekday_[local_weekday]; }
  double growth(double t_s) const;

 private:
  double base_per_s_;
  std::array<double, 24> hourly_;
  std::array<double, 7> weekday_;
  double growth_per_year_;
  int64_t start_utc_s_;
  double utc_offset_h_;
};

// Local hour (0-23) and weekday (0 = Monday) at t seconds since start.
int local_hour(int64_t start_utc_s, double utc_offset_h, double t_s);
int local_weekday(int64_t start_utc_s, double utc_offset_h, double t_s);

// The region's share of a class's demand: the class's region_weights
// normalised if given, else the regions' weights normalised. Throws
// std::invalid_argument if the weights are unusable.
double region_share(const JobClassSpec& cls, const std::vector<RegionSpec>& regions, int region_index);

// "" or what is wrong with the class's arrival and size parameters (for the
// scenario validator): negative rates or factors, growth <= -1, bad
// distributions, region_weights of the wrong length.
std::string validate(const JobClassSpec& cls, size_t region_count);

class ArrivalStream : public JobSource {
 public:
  // Throws std::invalid_argument if a class is invalid or region_index is out of range.
  ArrivalStream(const std::vector<JobClassSpec>& classes, const std::vector<RegionSpec>& regions,
                int region_index, uint64_t seed, int64_t start_utc_s, double horizon_s,
                double utc_offset_h = 1.0);

  bool done() const override;      // no arrival before horizon_s
  double peek_s() const override;  // time of the next arrival (seconds since start)
  Job next() override;             // the next job; id left at 0

  // The expected number of arrivals in [0, horizon_s) (the rate's integral).
  double expected_count() const;

 private:
  void advance();                  // draw the arrival after t_
  Job make_job(int cls, double t_s);
  double segment_end(double t_s) const;  // the next local-hour boundary after t_s
  double bound(double t0_s, double t1_s);
  // rates_[k].growth(t_s), memoised for the last two instants asked per class: thinning asks for
  // a segment's end at every candidate in it, and a rejected candidate's time is the next bound's
  // start (each growth is a pow; the same values, computed once).
  double growth(size_t k, double t_s);

  std::vector<JobClassSpec> classes_;
  std::vector<ClassRate> rates_;
  std::vector<Sampler> units_, runtime_;
  int region_;
  int64_t start_utc_s_;
  double horizon_s_;
  double utc_offset_h_;
  boost::random::mt19937_64 arrivals_rng_;
  std::vector<boost::random::mt19937_64> class_rng_;  // one per class: sizes stay put when another class changes
  struct GrowthMemo {
    double t[2] = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};  // none yet
    double g[2] = {0, 0};
    int next = 0;  // the entry replaced next
  };
  std::vector<GrowthMemo> growth_memo_;  // by class
  double t_ = 0;          // time of the pending arrival
  int pending_class_ = -1;
};

}  // namespace sovcap::workload
