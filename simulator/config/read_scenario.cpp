// The `scenario` and `scheduling` sections, and times given as dates or offsets.
#include <fmt/format.h>
#include <filesystem>

#include "simulator/config/draft.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_scenario.hpp"
#include "models/power/calendar.hpp"

using sovcap::power::format_iso_utc, sovcap::power::parse_iso_utc;

namespace sovcap::config {

const std::vector<std::string>& top_level_keys() {
  static const std::vector<std::string> keys = key_names(top_keys());
  return keys;
}

double read_time_since_start(Ctx& ctx, MapReader& m, const std::string& key, int64_t start_utc_s,
                             std::optional<double> def, bool before_start_is_start) {
  const Node* n = m.get(key);
  if (n && n->is_scalar())
    if (auto t = parse_iso_utc(n->scalar)) {
      double since = static_cast<double>(*t - start_utc_s);
      if (since < 0 && before_start_is_start) return 0.0;
      if (since < 0) ctx.error(n->place, m.path(key), "'" + n->scalar + "' is before the scenario start", "a date at or after scenario.start");
      return since;
    }
  if (n && n->is_scalar() && n->scalar.find('-', 1) != std::string::npos && n->scalar.size() >= 10 &&
      std::isdigit(static_cast<unsigned char>(n->scalar[0]))) {
    ctx.error(n->place, m.path(key), "'" + n->scalar + "' is not a valid date",
              "YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM], or a duration since the start");
    return def.value_or(0);
  }
  return m.quantity(key, Quantity::duration, def, non_negative());
}

void read_scenario_section(Ctx& ctx, MapReader& root, Draft& d) {
  auto& sc = d.sc;
  MapReader m(ctx, root.get("scenario"), "scenario", key_names(scenario_keys()), root.place());
  read_keys(ctx, m, scenario_keys(), sc, ReadEnv{});
  if (sc.step_s > sc.duration_s && sc.duration_s > 0)
    ctx.error(m.place("step"), m.path("step"), "the sampling step is longer than the whole scenario", "<= scenario.duration");
  // Each sample is a row of every series: a run of billions of steps would never end.
  else if (constexpr double kMaxSamples = 2e6; sc.step_s > 0 && !(sc.duration_s / sc.step_s <= kMaxSamples))
    ctx.error(m.place("step"), m.path("step"), fmt::format("{:.3g} samples over the run (duration / step)", sc.duration_s / sc.step_s),
              fmt::format("at most {:.0f} samples: step >= {:.3g} s here", kMaxSamples, sc.duration_s / kMaxSamples));

  MapReader s(ctx, root.get("scheduling"), "scheduling", key_names(scheduling_keys()), root.place());
  read_keys(ctx, s, scheduling_keys(), sc.scheduling, ReadEnv{});
}

}  // namespace sovcap::config
