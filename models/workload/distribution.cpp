#include "models/workload/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>

#include "models/workload/text_number.hpp"
#include "models/workload/trace_error.hpp"

namespace sovcap::workload {
namespace {

using Type = DistributionSpec::Type;

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

bool all_finite(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

}  // namespace

const char* type_name(Type type) {
  for (const auto& [t, name] : DistributionSpec::kTypeNames)
    if (t == type) return name;
  return "unknown";
}

std::string validate(const DistributionSpec& s) {
  std::vector<std::string> err;
  auto positive = [&](const char* name, double v) {
    if (!(v > 0) || !std::isfinite(v)) err.push_back(std::string(name) + " must be a positive number, got " + num(v));
  };
  switch (s.type) {
    case Type::constant:
      if (!std::isfinite(s.value)) err.push_back("value must be finite");
      break;
    case Type::exponential: positive("mean", s.mean); break;
    case Type::lognormal:
      positive("median", s.median);
      if (!(s.sigma >= 0) || !std::isfinite(s.sigma)) err.push_back("sigma must be >= 0, got " + num(s.sigma));
      break;
    case Type::weibull:
      positive("shape", s.shape);
      positive("scale", s.scale);
      break;
    case Type::uniform:
      if (!std::isfinite(s.min) || !std::isfinite(s.max)) err.push_back("min and max must be finite");
      else if (s.min > s.max) err.push_back("min (" + num(s.min) + ") > max (" + num(s.max) + ")");
      break;
    case Type::discrete: {
      if (s.values.empty()) err.push_back("values must not be empty");
      if (s.weights.size() != s.values.size())
        err.push_back("weights has " + std::to_string(s.weights.size()) + " entries, values has " +
                      std::to_string(s.values.size()));
      if (!all_finite(s.values)) err.push_back("values must be finite");
      if (!all_finite(s.weights) || std::any_of(s.weights.begin(), s.weights.end(), [](double w) { return w < 0; }))
        err.push_back("weights must be finite and >= 0");
      else if (!s.weights.empty() && std::accumulate(s.weights.begin(), s.weights.end(), 0.0) <= 0)
        err.push_back("weights must not all be 0");
      break;
    }
    case Type::empirical:
      if (s.values.empty()) err.push_back("values must not be empty");
      if (!all_finite(s.values)) err.push_back("values must be finite");
      break;
  }
  if (!std::isfinite(s.clamp_min) || !std::isfinite(s.clamp_max)) err.push_back("clamp bounds must be finite");
  else if (s.clamp_max != 0 && s.clamp_min > s.clamp_max)
    err.push_back("clamp_min (" + num(s.clamp_min) + ") > clamp_max (" + num(s.clamp_max) + ")");
  std::string out;
  for (const auto& e : err) out += (out.empty() ? "" : "; ") + e;
  return out.empty() ? out : std::string(type_name(s.type)) + ": " + out;
}

Sampler::Sampler(const DistributionSpec& spec) : spec_(spec) {
  if (auto e = validate(spec); !e.empty()) throw std::invalid_argument(e);
  if (spec.type == Type::discrete)
    discrete_ = boost::random::discrete_distribution<int, double>(spec.weights.begin(), spec.weights.end());
}

double Sampler::operator()(boost::random::mt19937_64& rng) const {
  double x = 0;
  switch (spec_.type) {
    case Type::constant: x = spec_.value; break;
    case Type::exponential:
      x = boost::random::exponential_distribution<double>(1.0 / spec_.mean)(rng);
      break;
    case Type::lognormal:
      // Boost's parameters are those of the underlying normal: mu = ln(median).
      x = spec_.sigma == 0 ? spec_.median
                           : boost::random::lognormal_distribution<double>(std::log(spec_.median), spec_.sigma)(rng);
      break;
    case Type::weibull:
      x = boost::random::weibull_distribution<double>(spec_.shape, spec_.scale)(rng);
      break;
    case Type::uniform:
      x = spec_.min == spec_.max ? spec_.min
                                 : boost::random::uniform_real_distribution<double>(spec_.min, spec_.max)(rng);
      break;
    case Type::discrete: x = spec_.values[discrete_(rng)]; break;
    case Type::empirical: {
      boost::random::uniform_int_distribution<size_t> pick(0, spec_.values.size() - 1);
      x = spec_.values[pick(rng)];
      break;
    }
  }
  if (spec_.clamp_min != 0 || spec_.clamp_max != 0) {
    x = std::max(x, spec_.clamp_min);
    if (spec_.clamp_max != 0) x = std::min(x, spec_.clamp_max);
  }
  return x;
}

double Sampler::mean() const {
  const auto& s = spec_;
  switch (s.type) {
    case Type::constant: return s.value;
    case Type::exponential: return s.mean;
    case Type::lognormal: return s.median * std::exp(s.sigma * s.sigma / 2);
    case Type::weibull: return s.scale * std::tgamma(1 + 1 / s.shape);
    case Type::uniform: return (s.min + s.max) / 2;
    case Type::discrete: {
      double sw = std::accumulate(s.weights.begin(), s.weights.end(), 0.0);
      return std::inner_product(s.values.begin(), s.values.end(), s.weights.begin(), 0.0) / sw;
    }
    case Type::empirical:
      return std::accumulate(s.values.begin(), s.values.end(), 0.0) / static_cast<double>(s.values.size());
  }
  return 0;
}

std::vector<double> read_empirical_values(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw TraceError(path, 0, "cannot open file");
  std::vector<double> values;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string_view text = line;
    if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim(text);
    if (text.empty()) continue;
    auto v = parse_number(text);
    if (!v) throw TraceError(path, n, "not a number: '" + std::string(text) + "' (one number per line)");
    values.push_back(*v);
  }
  if (values.empty()) throw TraceError(path, 0, "no values (one number per line, '#' comments)");
  return values;
}

}  // namespace sovcap::workload
