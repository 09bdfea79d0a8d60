// The power controller and sampler: at each step it closes the last interval
// (serves the IT energy actually drawn from sun, wind, battery and grid, and
// records one sample) and opens the next (reads the supply the site can count
// on and caps IT power to it, so unserved energy is zero by construction: the
// pools hold their power under the cap at every instant, powering idle units
// off, throttling, and suspending jobs, down to zero if need be).
#include <algorithm>
#include <cmath>

#include "simulator/engine/progress.hpp"
#include "simulator/engine/signals.hpp"
#include "simulator/engine/world.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {
namespace {

double site_it_energy_kwh(SiteState& site, double now) {
  double kwh = 0;
  for (auto& pool : site.pools) kwh += pool.it_energy_kwh(now);
  return kwh;
}

// Below the supply the site can count on, so that rounding (of the cap split,
// of the throttle speed, of the IT energy metered over the step)
// never shows up as unserved energy: 1 W plus 1e-9 relative.
double it_cap_with_margin_mw(double it_cap_mw) {
  if (std::isinf(it_cap_mw)) return it_cap_mw;
  return std::max(0.0, it_cap_mw * (1 - 1e-9) - 1e-6);
}

// Split a site's IT cap over its pools in proportion to their peak power.
void apply_cap(SiteState& site, double it_cap_mw, double now) {
  double peak_total_kw = 0;
  for (const auto& p : site.spec->pools) peak_total_kw += p.nodes * p.node_peak_kw;
  for (size_t i = 0; i < site.pools.size(); ++i) {
    const auto& p = site.spec->pools[i];
    double share = peak_total_kw > 0 ? p.nodes * p.node_peak_kw / peak_total_kw : 0;
    site.pools[i].set_power_cap_kw(std::isinf(it_cap_mw) ? inf : it_cap_mw * 1000.0 * share, now);
  }
}

double site_capped_s(const SiteState& site) {
  double s = 0;
  for (const auto& pool : site.pools) s += pool.capped_s();
  return s;
}

// `capped_s_at_step`: the site's capped time at the start of the step. A capping episode is a
// maximal run of consecutive steps in which the cap bound at some moment.
output::SiteSample close_interval(World& w, SiteState& site, double now, double step_s, double& capped_s_at_step) {
  double step_kwh = 0;  // metered per step, not as a difference of year-long sums
  for (auto& pool : site.pools) step_kwh += pool.take_interval_it_energy_kwh(now);
  double it_mw = step_kwh / 1000.0 / (step_s / 3600.0);
  site.it_energy_kwh_at_step = site_it_energy_kwh(site, now);
  auto f = site.power->dispatch(site.conditions, it_mw, step_s);
  output::SiteSample s;
  s.water_m3_per_h = close_accounts(*site.spec, site.accounts, site.conditions, f, now - step_s, step_s,
                                    w.scenario.start_utc_s);
  s.desal_power_mw = f.desal_power_mw;
  s.relative_humidity = site.conditions.relative_humidity_percent;
  s.wet_bulb_c = site.conditions.wet_bulb_c;
  s.it_power_mw = f.it_power_mw;
  s.cooling_power_mw = f.cooling_power_mw;
  s.facility_power_mw = f.facility_power_mw;
  s.pue = site.conditions.pue;
  s.solar_mw = f.solar_mw;
  s.wind_mw = f.wind_mw;
  s.battery_charge_mw = f.battery_charge_mw;
  s.battery_discharge_mw = f.battery_discharge_mw;
  s.battery_soc_mwh = f.battery_soc_mwh;
  s.grid_import_mw = f.grid_import_mw;
  s.grid_export_mw = f.grid_export_mw;
  s.curtailed_mw = f.curtailed_mw;
  s.unserved_mw = f.unserved_mw;
  s.power_cap_mw = std::isinf(site.it_cap_mw) ? -1.0 : site.it_cap_mw;
  s.ambient_c = site.conditions.ambient_c;
  s.carbon_kg_per_h = f.carbon_kg_per_h;
  s.carbon_gco2_per_kwh = site.conditions.carbon_gco2_per_kwh;
  double speed = 1;
  for (size_t i = 0; i < site.pools.size(); ++i) {
    auto& pool = site.pools[i];
    bool gpu = site.spec->pools[i].gpu;
    // The step's mean busy units, from the pool's exact integral (not a snapshot at the step's end).
    (gpu ? s.busy_gpus : s.busy_cpus) += pool.take_interval_busy_unit_s(now) / step_s;
    (gpu ? s.total_gpus : s.total_cpus) += pool.total_units();
    s.running_jobs += static_cast<double>(pool.running_jobs());
    s.queued_jobs += static_cast<double>(pool.queued_jobs());
    speed = std::min(speed, pool.speed());
  }
  s.throttle_speed = speed;
  double capped = site_capped_s(site);
  bool capping = capped > capped_s_at_step;
  for (const auto& pool : site.pools) capping = capping || pool.capped();
  if (capping && !site.capping) ++site.capping_episodes;
  site.capping = capping;
  capped_s_at_step = capped;
  site.unserved_mwh += f.unserved_mw * step_s / 3600.0;
  return s;
}

void open_interval(World& w, SiteState& site, int s, double now) {
  site.conditions = site.power->conditions(now);
  open_water(*site.spec, site.accounts, site.conditions);  // the desalination plant's load comes first
  const double desal_mw = site.conditions.desal_power_mw;
  double max_facility_mw = site.power->max_facility_mw(site.conditions);
  site.it_cap_mw = std::isinf(max_facility_mw)
                       ? inf
                       : it_cap_with_margin_mw(std::max(0.0, max_facility_mw - desal_mw) / site.conditions.pue);
  apply_cap(site, site.it_cap_mw, now);
  // Carbon-aware queues run held jobs when sun and wind alone cover the site at its present load.
  double it_now_mw = 0;
  for (const auto& pool : site.pools) it_now_mw += pool.it_power_kw() / 1000.0;
  bool green = site.conditions.solar_mw + site.conditions.wind_mw >= it_now_mw * site.conditions.pue + desal_mw;
  for (auto& pool : site.pools) pool.set_green(green);
  if (w.local)
    site_events(w, s, now);  // what the new cap or signal lets start, now
  else
    w.wake_site(s);
}

std::vector<output::LinkSample> link_samples(World& w, double step_s) {
  w.net->account_all(sg4::Engine::get_clock());
  auto& bytes = w.net->link_bytes();
  std::vector<output::LinkSample> out(w.platform.links.size());
  for (size_t l = 0; l < out.size(); ++l) {
    double capacity_bytes = w.topology.link(static_cast<int>(l)).bandwidth_gbps * 1e9 / 8.0 * step_s;
    double up = bytes[2 * l], down = bytes[2 * l + 1];
    // Full duplex: throughput counts both directions, utilization the busier one.
    out[l].throughput_gbps = (up + down) * 8.0 / 1e9 / step_s;
    out[l].utilization = std::min(1.0, std::max(up, down) / capacity_bytes);
    out[l].up = w.net->link_up(static_cast<int>(l)) ? 1.0 : 0.0;
    bytes[2 * l] = bytes[2 * l + 1] = 0;
  }
  return out;
}

void drain(World& w, double now) {
  // Inputs in flight or waiting are unfinished; their region actors see w.stopping and end quietly.
  for (auto& job : w.net->drain(now)) w.record(job);
  for (auto& job : w.held) {  // still waiting at their regions for a site
    job.transfer_s = now - job.submit_s;
    job.status = workload::JobStatus::unfinished;
    w.record(job);
  }
  w.held.clear();
  for (auto& site : w.sites)
    for (auto& pool : site.pools)
      for (auto& job : pool.drain(now)) w.record(job);
}

}  // namespace

void controller_actor(World& w, double wall_start_s, bool progress) {
  try {
    const double step = w.scenario.step_s;
    const double horizon = w.scenario.duration_s;
    Progress bar(horizon, w.scenario.start_utc_s, wall_start_s, progress);
    std::vector<double> capped_s(w.sites.size(), 0.0);
    for (size_t s = 0; s < w.sites.size(); ++s) open_interval(w, w.sites[s], static_cast<int>(s), 0.0);
    for (double t = step;; t += step) {
      double end = std::min(t, horizon);
      sg4::this_actor::sleep_until(end);
      if (interrupted()) throw Interrupted(interrupt_signal());
      if (w.error) return;  // an actor failed: stop here, the run reports it
      if (w.local) advance_local(w, end);  // arrivals and pool events up to this instant
      double length = end - (t - step);
      std::vector<output::SiteSample> samples;
      for (size_t s = 0; s < w.sites.size(); ++s) samples.push_back(close_interval(w, w.sites[s], end, length, capped_s[s]));
      for (size_t s = 0; s < w.sites.size(); ++s) check_sample(w.sites[s].spec->id, end, samples[s]);  // debug builds
      w.writer.add_sample(t - step, samples, link_samples(w, length));
      bar.update(end, w.jobs_submitted);
      if (end >= horizon) break;
      for (size_t s = 0; s < w.sites.size(); ++s) open_interval(w, w.sites[s], static_cast<int>(s), end);
    }
    w.stopping = true;
    drain(w, horizon);
    bar.finish(w.jobs_submitted);
  } catch (simgrid::ForcefulKillException&) {
    throw;
  } catch (...) {
    fail(w, std::current_exception());
  }
}

}  // namespace sovcap::engine
