// The declarations of the scenario's own keys, the scheduling policy, regions and job classes.
// Defaults not written here are the model's own.
#include "simulator/config/keys_scenario.hpp"

#include <filesystem>

#include "models/power/calendar.hpp"
#include "simulator/config/enum_names.hpp"

namespace sovcap::config {
namespace {

using namespace keys;
using scheduling::SchedulingSpec;
using workload::JobClassSpec;
using workload::RegionSpec;
using Q = Quantity;

// The file's sections, in the resolved YAML's order.
constexpr Key<Scenario> kTop[] = {
    by_hand<Scenario>("extends", KeyType::file, "a scenario this file changes (see \"extends\")").default_in_words("none"),
    map<Scenario>("scenario", "scenario", "name, start, duration, sampling step and seed"),
    map<Scenario>("scheduling", "scheduling", "the queue policy and placement"),
    list<Scenario>("sites", "sites", "the data centres, at least one").required(),
    list<Scenario>("regions", "regions", "where demand comes from, at least one").required(),
    map<Scenario>("network", "network", "the backbone"),
    list<Scenario>("classes", "classes", "the job classes, at least one").required(),
    map<Scenario>("economics", "economics", "currency and finance"),
    map<Scenario>("workload", "workload", "a job trace replayed instead of the classes' arrivals"),
};

constexpr const char* kDefaultStart = "2030-01-01T00:00:00Z";

constexpr Key<Scenario> kScenario[] = {
    text<Scenario>("name", SOVCAP_AT(name), "the scenario's name in results")
        .derived("the file name without .yaml",
                 [](Scenario& s) { s.name = std::filesystem::path(s.source_file).stem().string(); }),
    text<Scenario>("start", SOVCAP_AT(start_utc), "simulated start; written back in UTC")
        .derived(kDefaultStart, [](Scenario& s) { s.start_utc = kDefaultStart; })
        .allowed("ISO 8601 such as 2030-01-01T00:00:00Z or 2030-03-01T06:00:00+01:00")
        .checked([](Ctx& ctx, MapReader& m, const Key<Scenario>& k, Scenario& s) {
          if (auto t = power::parse_iso_utc(s.start_utc)) {
            s.start_utc_s = *t;
            s.start_utc = power::format_iso_utc(*t);  // normalised to UTC
          } else {
            ctx.error(m.place(k.name), m.path(k.name), "'" + s.start_utc + "' is not a valid date and time",
                      "ISO 8601 such as 2030-01-01T00:00:00Z");
          }
        }),
    quantity<Scenario>("duration", SOVCAP_AT(duration_s), Q::duration, "s", positive(), "how long the run simulates")
        .derived("1y (365 d)", [](Scenario& s) { s.duration_s = 365 * 86400.0; }),
    quantity<Scenario>("step", SOVCAP_AT(step_s), Q::duration, "s", positive(),
                       "time-series sampling, <= duration and at most 2,000,000 samples"),
    seed<Scenario>("seed", SOVCAP_AT(seed), "one seed for every random stream (docs/architecture.md, Seeds)"),
};

const char* policy_spelling(const SchedulingSpec& s) { return scheduling::queue_policy_name(s.policy); }

constexpr Key<SchedulingSpec> kScheduling[] = {
    choice<SchedulingSpec>(
        "policy", [](const SchedulingSpec& s) { return policy_spelling(s); },
        [](SchedulingSpec& s, const std::string& name) {
          for (const auto& n : scheduling::kQueuePolicyNames)
            if (name == n.name) s.policy = n.policy;
        },
        [] {
          std::vector<std::string> out;
          for (const auto& n : scheduling::kQueuePolicyNames) out.emplace_back(n.name);
          return out;
        },
        "the queue order: easy_backfill over the priority order, easy_backfill_fifo over the submit order "
        "(docs/scheduling.md)"),
    choice<SchedulingSpec>("placement", SOVCAP_SPELLED(placement, scheduling::kPlacementNames),
                           "which site a job goes to (docs/scheduling.md)"),
    choice<SchedulingSpec>("latency", SOVCAP_SPELLED(latency, scheduling::kLatencyRuleNames),
                           "ignore: latency targets only counted; prefer: a site meeting the class's latency_target "
                           "and able to start the job now comes first (docs/scheduling.md)"),
};

constexpr Key<RegionSpec> kRegion[] = {
    id<RegionSpec>("id", SOVCAP_AT(id), "the region's id").required(),
    text<RegionSpec>("name", SOVCAP_AT(name), "the region's name").derived("the id", [](RegionSpec& r) { r.name = r.id; }),
    number<RegionSpec>("latitude", SOVCAP_AT(latitude_deg), "deg", between(-90, 90), "the region's point of demand")
        .required(),
    number<RegionSpec>("longitude", SOVCAP_AT(longitude_deg), "deg", between(-180, 180), "the region's point of demand")
        .required(),
    number<RegionSpec>("weight", SOVCAP_AT(weight), "1", non_negative(), "share of national demand (normalised; not all 0)"),
    id<RegionSpec>("node", SOVCAP_AT(node), "the backbone node it attaches to (see \"Nodes\")")
        .derived("its own node, named by the id", [](RegionSpec& r) { r.node = r.id; }),
};

// In the resolved YAML's order (latency_target before allowed_sites).
constexpr Key<JobClassSpec> kClass[] = {
    id<JobClassSpec>("id", SOVCAP_AT(id), "the class's id").required(),
    choice<JobClassSpec>("pool", SOVCAP_SPELLED(pool, workload::kPoolKindNames), "which pool kind runs it"),
    // Bounded: a rate like 1e300 would make jobs faster than time advances (no end, memory without bound).
    number<JobClassSpec>("rate", SOVCAP_AT(rate_per_h), "1/h", between(0, 1e6), "national arrivals at the start")
        .required(),
    numbers<JobClassSpec>("hourly", SOVCAP_AT(hourly_factor), "1", non_negative(),
                          "24 factors on the rate by local hour (UTC+1); all 0 = flat"),
    numbers<JobClassSpec>("weekday", SOVCAP_AT(weekday_factor), "1", non_negative(),
                          "7 factors on the rate by day, Monday first; all 0 = flat"),
    number<JobClassSpec>("growth", SOVCAP_AT(growth_per_year), "1/y", above(-1), "rate x (1 + growth)^years"),
    map<JobClassSpec>("region_weights", nullptr, "where jobs come from; regions left out weigh 0")
        .allowed("{region_id: weight >= 0, ...}")
        .default_in_words("the regions' own weights"),
    map<JobClassSpec>("units", "classes.units", "GPUs or cores per job (rounded up, at least 1): a distribution").required(),
    map<JobClassSpec>("runtime", "classes.runtime", "run time at full speed: a distribution").required(),
    number<JobClassSpec>("estimate_factor", SOVCAP_AT(estimate_factor), "1", at_least(1),
                         "requested time = runtime x this (backfilling)"),
    flag<JobClassSpec>("kill_at_time_limit", SOVCAP_AT(kill_at_time_limit),
                       "a job needing longer than its requested time is killed there (status killed); false: it runs "
                       "on (docs/scheduling.md, \"Time limits and killed jobs\")"),
    quantity<JobClassSpec>("input", SOVCAP_AT(input_gb), Q::data, "GB", non_negative(), "moved region -> site before the job"),
    quantity<JobClassSpec>("output", SOVCAP_AT(output_gb), Q::data, "GB", non_negative(), "moved site -> region after it"),
    whole<JobClassSpec>("priority", SOVCAP_AT(priority), between(-1000000, 1000000), "higher first"),
    flag<JobClassSpec>("preemptible", SOVCAP_AT(preemptible), "may be preempted for higher-priority jobs"),
    flag<JobClassSpec>("flexible", SOVCAP_AT(flexible), "may be held for greener power until its deadline"),
    quantity<JobClassSpec>("deadline", SOVCAP_AT(deadline_s), Q::duration, "s", non_negative(),
                           "after submission; > 0 for a flexible class"),
    quantity<JobClassSpec>("checkpoint_interval", SOVCAP_AT(checkpoint_interval_s), Q::duration, "s", non_negative(),
                           "0 = no checkpoints"),
    quantity<JobClassSpec>("checkpoint_size", SOVCAP_AT(checkpoint_gb), Q::data, "GB", non_negative(),
                           "sent to the nearest other site every interval while the job runs (docs/network.md)"),
    quantity<JobClassSpec>("latency_target", SOVCAP_AT(latency_target_s), Q::duration, "s", non_negative(),
                           "region -> site round trip allowed; 0 = none; misses per region in /summary/regions"),
    ids<JobClassSpec>("allowed_sites", SOVCAP_AT(allowed_sites), "the sites that may run it (sovereignty)")
        .default_in_words("all"),
};

constexpr Key<Scenario> kWorkload[] = {
    by_hand<Scenario>("trace", KeyType::file,
                      "a CSV job trace (.csv) or an SWF trace (.swf, .swf.gz) replayed instead of the classes' "
                      "arrival processes (docs/traces.md); the resolved YAML stores it absolute")
        .default_in_words("none (synthetic arrivals)"),
    map<Scenario>("swf", "workload.swf", "how SWF records become jobs; with an SWF trace only"),
};

constexpr Key<Scenario> kSwf[] = {
    by_hand<Scenario>("class", KeyType::id, "every SWF record becomes a job of this class (a class id)")
        .default_in_words("the first class"),
    number<Scenario>("units_per_processor", SOVCAP_AT(swf.units_per_processor), "1", between(1e-6, 1e6),
                     "units = ceil(processors x this), at least 1 (0.125: 8 cores per GPU)"),
    flag<Scenario>("rebase", SOVCAP_AT(swf.rebase), "shift times so the first usable record is submitted at 0"),
    number<Scenario>("time_scale", SOVCAP_AT(swf.time_scale), "1", between(1e-6, 1e6),
                     "multiply submit times (0.5 doubles the arrival rate; run times unchanged)"),
    quantity<Scenario>("offset", SOVCAP_AT(swf.offset_s), Q::duration, "s", between(-1e12, 1e12),
                       "then add this (may be negative); records that land before 0 are skipped"),
    flag<Scenario>("completed_only", SOVCAP_AT(swf.completed_only), "replay only records of status 1 (completed)"),
};

// A distribution's keys: type, the clamps, then each type's parameters (for_only). For runtime the
// value-like parameters are durations; sigma, shape and weights are plain. values, weights and file
// are read by hand (discrete weights default to equal; empirical takes values or a file).
#define SOVCAP_DISTRIBUTION(V, value_range, positive_value)                                                          \
  choice<DistributionSpec>("type", SOVCAP_SPELLED(type, DistributionSpec::kTypeNames), "the distribution").required(), \
      V("clamp_min", SOVCAP_AT(clamp_min), value_range, "any type: draws below are raised to this"),                  \
      V("clamp_max", SOVCAP_AT(clamp_max), value_range, "any type: draws above are lowered to this; 0 = no upper bound"), \
      V("value", SOVCAP_AT(value), value_range, "constant: the value").for_only("constant").required(),             \
      V("mean", SOVCAP_AT(mean), positive_value, "exponential: the mean").for_only("exponential").required(),       \
      V("median", SOVCAP_AT(median), positive_value, "lognormal: the median").for_only("lognormal").required(),     \
      number<DistributionSpec>("sigma", SOVCAP_AT(sigma), "1", non_negative(),                                       \
                               "lognormal: sigma of the underlying normal")                                          \
          .for_only("lognormal")                                                                                    \
          .required(),                                                                                              \
      number<DistributionSpec>("shape", SOVCAP_AT(shape), "1", positive(), "weibull: the shape")                     \
          .for_only("weibull")                                                                                      \
          .required(),                                                                                              \
      V("scale", SOVCAP_AT(scale), positive_value, "weibull: the scale").for_only("weibull").required(),             \
      V("min", SOVCAP_AT(min), value_range, "uniform: the lower end").for_only("uniform").required(),               \
      V("max", SOVCAP_AT(max), value_range, "uniform: the upper end, >= min").for_only("uniform").required(),        \
      by_hand<DistributionSpec>("values", KeyType::numbers, "discrete, empirical: the values (empirical: or file)")  \
          .for_only("discrete empirical")                                                                           \
          .default_in_words("required"),                                                                            \
      by_hand<DistributionSpec>("weights", KeyType::numbers, "discrete: one weight >= 0 per value")                  \
          .for_only("discrete")                                                                                     \
          .default_in_words("equal"),                                                                               \
      by_hand<DistributionSpec>("file", KeyType::file,                                                               \
                                "empirical: one number per line in the key's plain unit, '#' comments; instead of values") \
          .for_only("empirical")                                                                                    \
          .default_in_words("none")

using workload::DistributionSpec;
template <class F>
constexpr Key<DistributionSpec> plain(const char* name, F at, Range r, const char* meaning) {
  return number<DistributionSpec>(name, at, "1", r, meaning);
}
template <class F>
constexpr Key<DistributionSpec> duration(const char* name, F at, Range r, const char* meaning) {
  return quantity<DistributionSpec>(name, at, Q::duration, "s", r, meaning);
}

constexpr Key<DistributionSpec> kUnits[] = {SOVCAP_DISTRIBUTION(plain, any(), positive())};
constexpr Key<DistributionSpec> kRuntime[] = {SOVCAP_DISTRIBUTION(duration, non_negative(), positive())};

#undef SOVCAP_DISTRIBUTION

}  // namespace

KeyTable<DistributionSpec> units_keys() { return key_table("classes.units", kUnits); }
KeyTable<DistributionSpec> runtime_keys() { return key_table("classes.runtime", kRuntime); }
KeyTable<Scenario> workload_keys() { return key_table("workload", kWorkload); }
KeyTable<Scenario> swf_keys() { return key_table("workload.swf", kSwf); }
KeyTable<Scenario> top_keys() { return key_table("top", kTop); }
KeyTable<Scenario> scenario_keys() { return key_table("scenario", kScenario); }
KeyTable<SchedulingSpec> scheduling_keys() { return key_table("scheduling", kScheduling); }
KeyTable<RegionSpec> region_keys() { return key_table("regions", kRegion); }
KeyTable<JobClassSpec> class_keys() { return key_table("classes", kClass); }

}  // namespace sovcap::config
