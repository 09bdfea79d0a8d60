#include "models/workload/arrival_stream.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "models/seeds/streams.hpp"

namespace sovcap::workload {
namespace {

constexpr double hour_s = 3600;
constexpr double day_s = 86400;

template <size_t N>
std::array<double, N> flat_if_zero(const std::array<double, N>& f) {
  bool all_zero = std::all_of(f.begin(), f.end(), [](double x) { return x == 0; });
  if (!all_zero) return f;
  std::array<double, N> ones;
  ones.fill(1.0);
  return ones;
}

double local_s(int64_t start_utc_s, double utc_offset_h, double t_s) {
  return static_cast<double>(start_utc_s) + utc_offset_h * hour_s + t_s;
}

int64_t floor_div(double x, double d) { return static_cast<int64_t>(std::floor(x / d)); }

template <size_t N>
bool factors_ok(const std::array<double, N>& f) {
  return std::all_of(f.begin(), f.end(), [](double x) { return std::isfinite(x) && x >= 0; });
}

}  // namespace

int local_hour(int64_t start_utc_s, double utc_offset_h, double t_s) {
  double l = local_s(start_utc_s, utc_offset_h, t_s);
  int64_t h = floor_div(l, hour_s) % 24;
  return static_cast<int>(h < 0 ? h + 24 : h);
}

int local_weekday(int64_t start_utc_s, double utc_offset_h, double t_s) {
  // 1970-01-01 was a Thursday: index 3 when Monday is 0.
  int64_t d = (floor_div(local_s(start_utc_s, utc_offset_h, t_s), day_s) + 3) % 7;
  return static_cast<int>(d < 0 ? d + 7 : d);
}

ClassRate::ClassRate(const JobClassSpec& cls, double share, int64_t start_utc_s, double utc_offset_h)
    : base_per_s_(cls.rate_per_h / hour_s * share),
      hourly_(flat_if_zero(cls.hourly_factor)),
      weekday_(flat_if_zero(cls.weekday_factor)),
      growth_per_year_(cls.growth_per_year),
      start_utc_s_(start_utc_s),
      utc_offset_h_(utc_offset_h) {}

double ClassRate::growth(double t_s) const {
  return growth_per_year_ == 0 ? 1.0 : std::pow(1 + growth_per_year_, t_s / seconds_per_year);
}

double ClassRate::at(double t_s, double growth_t) const {
  return base_per_s_ * hourly_[local_hour(start_utc_s_, utc_offset_h_, t_s)] *
         weekday_[local_weekday(start_utc_s_, utc_offset_h_, t_s)] * growth_t;
}

double region_share(const JobClassSpec& cls, const std::vector<RegionSpec>& regions, int region_index) {
  if (region_index < 0 || static_cast<size_t>(region_index) >= regions.size())
    throw std::invalid_argument("region index " + std::to_string(region_index) + " out of range (" +
                                std::to_string(regions.size()) + " regions)");
  std::vector<double> w;
  if (!cls.region_weights.empty()) {
    if (cls.region_weights.size() != regions.size())
      throw std::invalid_argument("class '" + cls.id + "': region_weights has " +
                                  std::to_string(cls.region_weights.size()) + " entries for " +
                                  std::to_string(regions.size()) + " regions");
    w = cls.region_weights;
  } else {
    for (const auto& r : regions) w.push_back(r.weight);
  }
  double sum = 0;
  for (double x : w) {
    if (!std::isfinite(x) || x < 0) throw std::invalid_argument("class '" + cls.id + "': region weights must be >= 0");
    sum += x;
  }
  if (sum <= 0) throw std::invalid_argument("class '" + cls.id + "': region weights are all 0");
  return w[region_index] / sum;
}

std::string validate(const JobClassSpec& cls, size_t region_count) {
  std::vector<std::string> err;
  if (!std::isfinite(cls.rate_per_h) || cls.rate_per_h < 0) err.push_back("rate_per_h must be >= 0");
  if (!factors_ok(cls.hourly_factor)) err.push_back("hourly_factor entries must be >= 0");
  if (!factors_ok(cls.weekday_factor)) err.push_back("weekday_factor entries must be >= 0");
  if (!std::isfinite(cls.growth_per_year) || cls.growth_per_year <= -1) err.push_back("growth_per_year must be > -1");
  if (!cls.region_weights.empty()) {
    if (cls.region_weights.size() != region_count)
      err.push_back("region_weights has " + std::to_string(cls.region_weights.size()) + " entries for " +
                    std::to_string(region_count) + " regions");
    else if (!std::all_of(cls.region_weights.begin(), cls.region_weights.end(),
                          [](double x) { return std::isfinite(x) && x >= 0; }) ||
             std::accumulate(cls.region_weights.begin(), cls.region_weights.end(), 0.0) <= 0)
      err.push_back("region_weights must be >= 0 and not all 0");
  }
  if (auto e = validate(cls.units); !e.empty()) err.push_back("units: " + e);
  if (auto e = validate(cls.runtime_s); !e.empty()) err.push_back("runtime_s: " + e);
  if (!std::isfinite(cls.estimate_factor) || cls.estimate_factor < 1) err.push_back("estimate_factor must be >= 1");
  if (!std::isfinite(cls.input_gb) || cls.input_gb < 0) err.push_back("input_gb must be >= 0");
  if (!std::isfinite(cls.output_gb) || cls.output_gb < 0) err.push_back("output_gb must be >= 0");
  if (cls.flexible && !(cls.deadline_s > 0)) err.push_back("deadline_s must be > 0 for a flexible class");
  std::string out;
  for (const auto& e : err) out += (out.empty() ? "" : "; ") + e;
  return out;
}

ArrivalStream::ArrivalStream(const std::vector<JobClassSpec>& classes, const std::vector<RegionSpec>& regions,
                             int region_index, uint64_t seed, int64_t start_utc_s, double horizon_s,
                             double utc_offset_h)
    : classes_(classes),
      region_(region_index),
      start_utc_s_(start_utc_s),
      horizon_s_(horizon_s),
      utc_offset_h_(utc_offset_h),
      arrivals_rng_(seeds::arrivals(seed, static_cast<uint64_t>(region_index))) {
  for (size_t k = 0; k < classes.size(); ++k) {
    const auto& cls = classes[k];
    if (auto e = validate(cls, regions.size()); !e.empty())
      throw std::invalid_argument("class '" + cls.id + "': " + e);
    rates_.emplace_back(cls, region_share(cls, regions, region_index), start_utc_s, utc_offset_h);
    units_.emplace_back(cls.units);
    runtime_.emplace_back(cls.runtime_s);
    class_rng_.emplace_back(seeds::job_attributes(seed, static_cast<uint64_t>(region_index), k));
  }
  if (classes.empty() && (region_index < 0 || static_cast<size_t>(region_index) >= regions.size()))
    throw std::invalid_argument("region index out of range");
  growth_memo_.resize(rates_.size());
  advance();
}

bool ArrivalStream::done() const { return !(t_ < horizon_s_); }

double ArrivalStream::peek_s() const { return t_; }

Job ArrivalStream::next() {
  if (done()) throw std::logic_error("ArrivalStream::next() after the horizon");
  Job job = make_job(pending_class_, t_);
  advance();
  return job;
}

double ArrivalStream::segment_end(double t_s) const {
  // Local-hour boundaries fall at k*3600 - phase seconds since start.
  double phase = std::fmod(static_cast<double>(start_utc_s_ % 3600) + utc_offset_h_ * hour_s, hour_s);
  if (phase < 0) phase += hour_s;
  double end = (std::floor((t_s + phase) / hour_s) + 1) * hour_s - phase;
  if (end <= t_s) end += hour_s;  // rounding at a boundary: always move forward
  return end;
}

double ArrivalStream::growth(size_t k, double t_s) {
  GrowthMemo& m = growth_memo_[k];
  if (m.t[0] == t_s) return m.g[0];
  if (m.t[1] == t_s) return m.g[1];
  const int i = m.next;
  m.next = 1 - i;
  m.t[i] = t_s;
  return m.g[i] = rates_[k].growth(t_s);
}

double ArrivalStream::bound(double t0_s, double t1_s) {
  double mid = (t0_s + t1_s) / 2;
  int h = local_hour(start_utc_s_, utc_offset_h_, mid);
  int d = local_weekday(start_utc_s_, utc_offset_h_, mid);
  double b = 0;
  for (size_t k = 0; k < rates_.size(); ++k) {
    const auto& r = rates_[k];
    b += r.base_per_s() * r.hourly(h) * r.weekday(d) * std::max(growth(k, t0_s), growth(k, t1_s));
  }
  return b * (1 + 1e-12);  // never below the sum of at(t) through rounding
}

void ArrivalStream::advance() {
  boost::random::uniform_01<double> u01;
  double t = t_;
  while (t < horizon_s_) {
    double end = std::min(segment_end(t), horizon_s_);
    double b = bound(t, end);
    if (b <= 0) {
      t = end;
      continue;
    }
    t += boost::random::exponential_distribution<double>(b)(arrivals_rng_);
    if (t >= end) {  // memoryless: restart the clock at the boundary
      t = end;
      continue;
    }
    double u = u01(arrivals_rng_) * b;
    double cum = 0;
    for (size_t k = 0; k < rates_.size(); ++k) {
      cum += rates_[k].at(t, growth(k, t));
      if (u < cum) {
        t_ = t;
        pending_class_ = static_cast<int>(k);
        return;
      }
    }
  }
  t_ = horizon_s_;
  pending_class_ = -1;
}

Job ArrivalStream::make_job(int k, double t_s) {
  const auto& cls = classes_[k];
  auto& rng = class_rng_[k];
  Job job;
  job.class_index = k;
  job.origin_region = region_;
  double units = std::ceil(units_[k](rng));
  job.units = static_cast<int32_t>(std::clamp(units, 1.0, static_cast<double>(std::numeric_limits<int32_t>::max())));
  double runtime = runtime_[k](rng);
  job.runtime_s = runtime >= 1 ? runtime : 1.0;  // a job lasts at least a second
  job.requested_s = job.runtime_s * cls.estimate_factor;
  job.input_gb = cls.input_gb;
  job.output_gb = cls.output_gb;
  job.priority = cls.priority;
  job.preemptible = cls.preemptible;
  job.kill_at_time_limit = cls.kill_at_time_limit;
  job.checkpoint_interval_s = cls.checkpoint_interval_s;
  job.deadline_s = cls.flexible ? t_s + cls.deadline_s : std::numeric_limits<double>::infinity();
  job.submit_s = t_s;
  return job;
}

double ArrivalStream::expected_count() const {
  // Exact integral: factors are constant per local hour, growth integrates in closed form.
  double total = 0;
  double t = 0;
  while (t < horizon_s_) {
    double end = std::min(segment_end(t), horizon_s_);
    double mid = (t + end) / 2;
    int h = local_hour(start_utc_s_, utc_offset_h_, mid);
    int d = local_weekday(start_utc_s_, utc_offset_h_, mid);
    for (size_t k = 0; k < rates_.size(); ++k) {
      const auto& r = rates_[k];
      double g = classes_[k].growth_per_year;
      double integral_growth;
      if (g == 0) {
        integral_growth = end - t;
      } else {
        double a = std::log1p(g) / seconds_per_year;  // growth(t) = exp(a t)
        integral_growth = (std::exp(a * end) - std::exp(a * t)) / a;
      }
      total += r.base_per_s() * r.hourly(h) * r.weekday(d) * integral_growth;
    }
    t = end;
  }
  return total;
}

}  // namespace sovcap::workload
