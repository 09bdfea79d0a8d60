#include "simulator/output/figures.hpp"

#include <iterator>
#include <stdexcept>

namespace sovcap::output {
namespace {

using T = Table;
using Y = Type;
using G = Group;
using F = Format;
constexpr When net = When::network;

// The declarations. Order within a table is the file's order (columns, attributes, datasets).
// Plain arrays of aggregates: constant-initialised, so code running before main can read them.
const Figure kBaseFigures[] = {
    // ---- /summary attributes: whole-run KPIs -------------------------------------------------------
    {"jobs_submitted", T::kpi, Y::int64, "1", G::service, F::count, "jobs submitted",
     "jobs that arrived during the run (= rows of /jobs)"},
    {"jobs_completed", T::kpi, Y::int64, "1", G::service, F::count, "jobs completed", "jobs that ran to the end"},
    {"jobs_rejected", T::kpi, Y::int64, "1", G::service, F::count, "jobs rejected",
     "jobs no site could take (sovereignty, size or admission)"},
    {"jobs_killed", T::kpi, Y::int64, "1", G::service, F::count, "jobs killed",
     "jobs killed at their requested time (classes with kill_at_time_limit)"},
    {"jobs_unfinished", T::kpi, Y::int64, "1", G::service, F::count, "jobs unfinished at the end",
     "jobs still queued, running or in transfer at the horizon"},
    {"energy_it_mwh", T::kpi, Y::float64, "MWh", G::energy, F::fixed1, "IT energy",
     "integral of it_power_mw, summed over sites"},
    {"energy_facility_mwh", T::kpi, Y::float64, "MWh", G::energy, F::fixed1, "facility energy",
     "integral of facility_power_mw (IT + cooling + desalination), summed over sites"},
    {"solar_mwh", T::kpi, Y::float64, "MWh", G::energy, F::fixed1, "solar", "integral of solar_mw, summed over sites"},
    {"wind_mwh", T::kpi, Y::float64, "MWh", G::energy, F::fixed1, "wind", "integral of wind_mw, summed over sites"},
    {"grid_import_mwh", T::kpi, Y::float64, "MWh", G::energy, F::fixed1, "grid import",
     "integral of grid_import_mw, summed over sites"},
    {"curtailed_mwh", T::kpi, Y::float64, "MWh", G::energy, F::fixed1, "curtailed",
     "integral of curtailed_mw, summed over sites"},
    {"renewable_fraction", T::kpi, Y::float64, "1", G::carbon, F::percent, "renewable share",
     "share of the energy absorbed on site that came from the sites' sun and wind, from the site sums "
     "(docs/results.md, \"Renewable fraction\")"},
    {"mean_pue", T::kpi, Y::float64, "1", G::energy, F::fixed2, "PUE (energy-weighted)",
     "energy_facility_mwh / energy_it_mwh"},
    {"carbon_t", T::kpi, Y::float64, "t", G::carbon, F::fixed1, "carbon", "integral of carbon_kg_per_h / 1000, summed over sites"},
    {"wait_mean_s", T::kpi, Y::float64, "s", G::service, F::duration, "wait, mean",
     "mean of wait_s over every started job"},
    {"wait_p50_s", T::kpi, Y::float64, "s", G::service, F::duration, "wait, median",
     "50th percentile of wait_s over every started job (linear interpolation)"},
    {"wait_p95_s", T::kpi, Y::float64, "s", G::service, F::duration, "wait, 95th percentile",
     "95th percentile of wait_s over every started job"},
    {"wait_p99_s", T::kpi, Y::float64, "s", G::service, F::duration, "wait, 99th percentile",
     "99th percentile of wait_s over every started job"},
    {"mean_slowdown", T::kpi, Y::float64, "1", G::service, F::fixed2, "bounded slowdown, mean",
     "mean over completed jobs of max(1, (wait_s + runtime_s) / max(runtime_s, 10 s))"},
    {"gpu_utilization", T::kpi, Y::float64, "1", G::service, F::percent, "GPU utilization",
     "integral of busy_gpus / integral of total_gpus, over all sites"},
    {"unserved_mwh", T::kpi, Y::float64, "MWh", G::reliability, F::fixed2, "unserved energy",
     "demand no source could serve, summed over sites (0 by construction)"},
    {"simulated_s", T::kpi, Y::float64, "s", G::identity, F::duration, "time simulated", "the time the series cover"},
    {"rerouted_gb", T::kpi, Y::float64, "GB", G::network, F::fixed1, "data rerouted by link failures",
     "GB left on a failed route and sent again on another", net},
    {"reroutes", T::kpi, Y::int64, "1", G::network, F::count, "transfers rerouted",
     "transfers moved to another route by a link failure", net},
    {"stalled_transfers", T::kpi, Y::int64, "1", G::network, F::count, "transfers stalled without a route",
     "transfers of any kind left without a route for a while", net},
    {"stalled_jobs", T::kpi, Y::int64, "1", G::network, F::count, "jobs stalled without a route",
     "job inputs that waited for a route", net},
    {"latency_misses", T::kpi, Y::int64, "1", G::network, F::count, "latency-target misses",
     "jobs whose route's round trip exceeded their class's latency_target (or had no route)", net},
    {"cutoff_events", T::kpi, Y::int64, "1", G::network, F::count, "regions cut off from every site",
     "times a region lost every route to every site", net},
    {"cutoff_s", T::kpi, Y::float64, "s", G::network, F::duration, "region cut-off time, total",
     "time regions spent cut off, summed over regions", net},
    {"output_gb", T::kpi, Y::float64, "GB", G::network, F::fixed1, "results staged back",
     "job outputs queued for staging back to their region", net},
    {"checkpoint_gb", T::kpi, Y::float64, "GB", G::network, F::fixed1, "checkpoints to the other site",
     "checkpoints sent to another site", net},
    {"replication_gb", T::kpi, Y::float64, "GB", G::network, F::fixed1, "replication between sites",
     "data replicated between sites", net},
    {"unsent_gb", T::kpi, Y::float64, "GB", G::network, F::fixed1, "data still unsent at the end",
     "outputs, checkpoints and replication still queued or in flight at the horizon", net},

    // ---- /summary/sites: one row per site -----------------------------------------------------------
    {"site", T::sites, Y::text, "-", G::identity, F::text, "site", "site id"},
    {"energy_it_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "IT", "integral of it_power_mw"},
    {"energy_cooling_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "cooling",
     "integral of cooling_power_mw"},
    {"energy_facility_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "facility",
     "integral of facility_power_mw"},
    {"energy_jobs_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "jobs",
     "sum of energy_kwh of the jobs placed at the site / 1000"},
    {"energy_idle_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "idle",
     "energy_it_mwh - energy_jobs_mwh: IT energy no job drew (idle servers)"},
    {"solar_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "solar", "integral of solar_mw"},
    {"wind_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "wind", "integral of wind_mw"},
    {"battery_charge_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "battery in",
     "integral of battery_charge_mw"},
    {"battery_discharge_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "battery out",
     "integral of battery_discharge_mw"},
    {"grid_import_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "grid import",
     "integral of grid_import_mw"},
    {"grid_export_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "grid export",
     "integral of grid_export_mw"},
    {"curtailed_mwh", T::sites, Y::float64, "MWh", G::energy, F::fixed1, "curtailed", "integral of curtailed_mw"},
    {"renewable_used_mwh", T::sites, Y::float64, "MWh", G::carbon, F::fixed1, "renewable used",
     "solar + wind - curtailed - grid_export"},
    {"renewable_fraction", T::sites, Y::float64, "1", G::carbon, F::percent, "renewable share",
     "renewable_used / (renewable_used + grid_import), clipped to [0, 1]"},
    {"mean_pue", T::sites, Y::float64, "1", G::energy, F::fixed2, "PUE",
     "energy-weighted: energy_facility_mwh / energy_it_mwh"},
    {"carbon_t", T::sites, Y::float64, "t", G::carbon, F::fixed1, "carbon", "integral of carbon_kg_per_h / 1000"},
    {"gpu_utilization", T::sites, Y::float64, "1", G::service, F::percent, "GPU util",
     "integral of busy_gpus / integral of total_gpus"},
    {"cpu_utilization", T::sites, Y::float64, "1", G::service, F::percent, "CPU util",
     "integral of busy_cpus / integral of total_cpus"},
    {"jobs_submitted", T::sites, Y::int64, "1", G::service, F::count, "jobs", "jobs placed at the site"},
    {"jobs_completed", T::sites, Y::int64, "1", G::service, F::count, "completed",
     "of those, jobs that ran to the end"},
    {"jobs_rejected", T::sites, Y::int64, "1", G::service, F::count, "rejected", "of those, jobs rejected"},
    {"jobs_killed", T::sites, Y::int64, "1", G::service, F::count, "killed",
     "of those, jobs killed at their requested time (classes with kill_at_time_limit)"},
    {"jobs_unfinished", T::sites, Y::int64, "1", G::service, F::count, "unfinished",
     "of those, jobs not ended at the horizon"},
    {"wait_mean_s", T::sites, Y::float64, "s", G::service, F::duration, "wait mean",
     "mean wait of the jobs placed at the site"},
    {"wait_p50_s", T::sites, Y::float64, "s", G::service, F::duration, "wait p50", "median wait of those jobs"},
    {"wait_p95_s", T::sites, Y::float64, "s", G::service, F::duration, "wait p95", "95th percentile wait of those jobs"},
    {"wait_p99_s", T::sites, Y::float64, "s", G::service, F::duration, "wait p99", "99th percentile wait of those jobs"},
    {"battery_cycles", T::sites, Y::float64, "1", G::energy, F::fixed1, "battery cycles",
     "from the battery model: equivalent full cycles, the energy drawn from the store, each step over the usable "
     "capacity (max - min SOC) it had then (a battery a build-out phase adds or resizes counts from that step); "
     "one discharge from max to min SOC = 1"},
    {"delayed_work_gpu_h", T::sites, Y::float64, "GPU-h", G::reliability, F::fixed1, "delayed work [GPU-h]",
     "from the simulator: GPU work put off by power capping, integral over running jobs of GPUs x (1 - speed) dt "
     "plus GPUs x the time cap-suspended jobs wait"},
    {"delayed_work_core_h", T::sites, Y::float64, "core-h", G::reliability, F::fixed1, "delayed work [core-h]",
     "the same for the CPU pools, in core-hours"},
    {"capping_episodes", T::sites, Y::float64, "1", G::reliability, F::count, "capping episodes",
     "from the simulator: times capping began"},
    {"unserved_mwh", T::sites, Y::float64, "MWh", G::reliability, F::fixed2, "unserved",
     "from the simulator (the integral of unserved_mw if it gave none)"},
    {"node_failures", T::sites, Y::float64, "1", G::reliability, F::count, "node failures",
     "from the simulator: GPU/CPU node failures (pools with mtbf)"},
    {"job_restarts", T::sites, Y::float64, "1", G::reliability, F::count, "restarts",
     "jobs killed by a node failure and requeued from their last checkpoint"},
    {"lost_work_gpu_h", T::sites, Y::float64, "GPU-h", G::reliability, F::fixed1, "lost work [GPU-h]",
     "GPU work redone after node failures (done since the last checkpoint), GPUs x hours"},
    {"lost_work_core_h", T::sites, Y::float64, "core-h", G::reliability, F::fixed1, "lost work [core-h]",
     "the same for the CPU pools, in core-hours"},

    // ---- /summary/classes: one row per job class ----------------------------------------------------
    {"class", T::classes, Y::text, "-", G::identity, F::text, "class", "job class id"},
    {"jobs_submitted", T::classes, Y::int64, "1", G::service, F::count, "jobs", "jobs of the class"},
    {"jobs_completed", T::classes, Y::int64, "1", G::service, F::count, "completed", "of those, completed"},
    {"jobs_rejected", T::classes, Y::int64, "1", G::service, F::count, "rejected", "of those, rejected"},
    {"jobs_killed", T::classes, Y::int64, "1", G::service, F::count, "killed", "of those, killed"},
    {"jobs_unfinished", T::classes, Y::int64, "1", G::service, F::count, "unfinished",
     "of those, not ended at the horizon"},
    {"wait_mean_s", T::classes, Y::float64, "s", G::service, F::duration, "wait mean", "mean wait of the class's started jobs"},
    {"wait_p50_s", T::classes, Y::float64, "s", G::service, F::duration, "wait p50", "median wait"},
    {"wait_p95_s", T::classes, Y::float64, "s", G::service, F::duration, "wait p95", "95th percentile wait"},
    {"wait_p99_s", T::classes, Y::float64, "s", G::service, F::duration, "wait p99", "99th percentile wait"},
    {"mean_slowdown", T::classes, Y::float64, "1", G::service, F::fixed2, "slowdown",
     "bounded slowdown, mean over completed jobs"},
    {"transfer_mean_s", T::classes, Y::float64, "s", G::network, F::duration, "transfer mean",
     "mean input transfer time over the class's jobs"},
    {"data_gb", T::classes, Y::float64, "GB", G::network, F::fixed1, "data", "input + output data"},
    {"energy_kwh", T::classes, Y::float64, "kWh", G::energy, F::fixed1, "energy", "IT energy the class's jobs drew"},
    {"gpu_hours", T::classes, Y::float64, "GPU-h", G::service, F::fixed1, "GPU-hours",
     "GPUs x actual run time of the class's jobs that started and ended (0 for a CPU class)"},
    {"core_hours", T::classes, Y::float64, "core-h", G::service, F::fixed1, "core-hours",
     "cores x actual run time of the class's jobs that started and ended (0 for a GPU class)"},
    {"deadline_jobs", T::classes, Y::int64, "1", G::service, F::count, "with deadline",
     "jobs with a deadline, not rejected"},
    {"deadline_misses", T::classes, Y::int64, "1", G::service, F::count, "deadline misses",
     "of those, ended after the deadline, or not ended when it passed inside the run"},

    // ---- /summary/regions: one row per region -------------------------------------------------------
    {"region", T::regions, Y::text, "-", G::identity, F::text, "region", "region id"},
    {"jobs_submitted", T::regions, Y::int64, "1", G::service, F::count, "jobs", "jobs from the region"},
    {"jobs_completed", T::regions, Y::int64, "1", G::service, F::count, "completed", "of those, completed"},
    {"jobs_rejected", T::regions, Y::int64, "1", G::service, F::count, "rejected", "of those, rejected"},
    {"wait_mean_s", T::regions, Y::float64, "s", G::service, F::duration, "wait mean", "mean wait of the region's started jobs"},
    {"wait_p50_s", T::regions, Y::float64, "s", G::service, F::duration, "wait p50", "median wait"},
    {"wait_p95_s", T::regions, Y::float64, "s", G::service, F::duration, "wait p95", "95th percentile wait"},
    {"wait_p99_s", T::regions, Y::float64, "s", G::service, F::duration, "wait p99", "99th percentile wait"},
    {"transfer_mean_s", T::regions, Y::float64, "s", G::network, F::duration, "transfer mean",
     "mean input transfer time over the region's jobs"},
    {"data_gb", T::regions, Y::float64, "GB", G::network, F::fixed1, "data", "input + output data"},
    {"deadline_misses", T::regions, Y::int64, "1", G::service, F::count, "deadline misses", "as for classes"},
    {"input_gb", T::regions, Y::float64, "GB", G::network, F::fixed1, "input sent", "job inputs sent from the region",
     net},
    {"output_gb", T::regions, Y::float64, "GB", G::network, F::fixed1, "output back",
     "results staged back to the region", net},
    {"latency_jobs", T::regions, Y::int64, "1", G::network, F::count, "latency jobs",
     "jobs of classes with a latency_target", net},
    {"latency_misses", T::regions, Y::int64, "1", G::network, F::count, "latency misses",
     "of those, the round trip of the route their input took (worst route if rerouted) exceeded the target, or "
     "the input stalled without a route",
     net},
    {"stalled_jobs", T::regions, Y::int64, "1", G::network, F::count, "stalled", "inputs that waited for a route",
     net},
    {"rerouted_jobs", T::regions, Y::int64, "1", G::network, F::count, "rerouted",
     "inputs moved to another route by a link failure", net},
    {"cutoff_events", T::regions, Y::int64, "1", G::network, F::count, "cut-offs",
     "times the region lost every route to every site", net},
    {"cutoff_s", T::regions, Y::float64, "s", G::network, F::duration, "cut off", "for how long in all", net},

    // ---- /jobs: one row per job ---------------------------------------------------------------------
    {"id", T::jobs, Y::uint64, "-", G::identity, F::text, "id", "job id, unique in the run"},
    {"class", T::jobs, Y::text, "-", G::identity, F::text, "class", "job class id"},
    {"origin", T::jobs, Y::text, "-", G::identity, F::text, "origin", "region the job came from"},
    {"site", T::jobs, Y::text, "-", G::identity, F::text, "site", "site it was placed at; \"\" if never placed"},
    {"pool", T::jobs, Y::int32, "-", G::identity, F::text, "pool", "pool index within the site; -1 if none"},
    {"units", T::jobs, Y::int32, "1", G::service, F::count, "units", "units held: GPUs on a GPU pool, cores on a CPU pool (see pool)"},
    {"priority", T::jobs, Y::int32, "1", G::service, F::count, "priority", "higher runs first"},
    {"submit_s", T::jobs, Y::float64, "s", G::service, F::fixed1, "submitted", "submission time"},
    {"arrive_site_s", T::jobs, Y::float64, "s", G::network, F::fixed1, "at site", "input data landed at the site"},
    {"start_s", T::jobs, Y::float64, "s", G::service, F::fixed1, "started", "start of execution"},
    {"end_s", T::jobs, Y::float64, "s", G::service, F::fixed1, "ended", "end (completion, kill, or NaN)"},
    {"wait_s", T::jobs, Y::float64, "s", G::service, F::duration, "wait",
     "start_s - submit_s (includes the input transfer); NaN if never started"},
    {"transfer_s", T::jobs, Y::float64, "s", G::network, F::duration, "transfer", "time moving the input over the network"},
    {"runtime_s", T::jobs, Y::float64, "s", G::service, F::duration, "run time",
     "actual run time, end_s - start_s (throttling included); NaN if not ended"},
    {"work_s", T::jobs, Y::float64, "s", G::service, F::duration, "work", "run time at full speed (the job's work)"},
    {"input_gb", T::jobs, Y::float64, "GB", G::network, F::fixed1, "input", "data moved in"},
    {"output_gb", T::jobs, Y::float64, "GB", G::network, F::fixed1, "output", "data moved out"},
    {"energy_kwh", T::jobs, Y::float64, "kWh", G::energy, F::fixed1, "energy", "IT energy the job drew"},
    {"status", T::jobs, Y::status, "-", G::service, F::text, "status",
     "enum: completed = 0, rejected = 1, killed = 2, unfinished = 3"},

    // ---- /timeseries/sites/<site>/<name>: means over each step -------------------------------------
    {"it_power_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "IT power", "IT power drawn by the pools"},
    {"cooling_power_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "cooling power",
     "cooling and other overhead"},
    {"facility_power_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "facility power",
     "IT + cooling + desalination"},
    {"pue", T::site_series, Y::float64, "1", G::energy, F::fixed2, "PUE", "PUE in force during the step"},
    {"solar_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "solar", "on-site solar generation available"},
    {"wind_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "wind", "on-site wind generation available"},
    {"battery_charge_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "battery charge", "into the battery"},
    {"battery_discharge_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "battery discharge",
     "out of the battery"},
    {"battery_soc_mwh", T::site_series, Y::float64, "MWh", G::energy, F::fixed1, "battery charge level",
     "battery state of charge at the end of the step"},
    {"grid_import_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "grid import", "from the grid"},
    {"grid_export_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "grid export", "sold to the grid"},
    {"curtailed_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "curtailed", "generation thrown away"},
    {"unserved_mw", T::site_series, Y::float64, "MW", G::reliability, F::fixed2, "unserved",
     "demand no source could serve"},
    {"power_cap_mw", T::site_series, Y::float64, "MW", G::energy, F::fixed1, "IT power cap",
     "IT power cap in force; -1 = no cap"},
    {"ambient_c", T::site_series, Y::float64, "C", G::energy, F::fixed1, "outdoor temperature", "outdoor temperature"},
    {"carbon_kg_per_h", T::site_series, Y::float64, "kg/h", G::carbon, F::fixed1, "carbon rate",
     "CO2 emission rate of the grid import"},
    {"carbon_gco2_per_kwh", T::site_series, Y::float64, "gCO2/kWh", G::carbon, F::fixed1, "grid carbon intensity",
     "grid carbon intensity"},
    {"busy_gpus", T::site_series, Y::float64, "1", G::service, F::count, "GPUs busy",
     "GPUs in use, the step's time-weighted mean (from the pools' exact busy-unit-seconds)"},
    {"total_gpus", T::site_series, Y::float64, "1", G::service, F::count, "GPUs installed", "GPUs installed"},
    {"busy_cpus", T::site_series, Y::float64, "1", G::service, F::count, "CPU cores busy",
     "CPU cores in use, the step's time-weighted mean"},
    {"total_cpus", T::site_series, Y::float64, "1", G::service, F::count, "CPU cores installed", "CPU cores installed"},
    {"running_jobs", T::site_series, Y::float64, "1", G::service, F::count, "jobs running",
     "jobs running at the end of the step"},
    {"queued_jobs", T::site_series, Y::float64, "1", G::service, F::count, "jobs queued",
     "jobs waiting at the end of the step"},
    {"throttle_speed", T::site_series, Y::float64, "1", G::reliability, F::fixed2, "throttle speed",
     "slowest pool speed (1 = not throttled)"},
    {"relative_humidity", T::site_series, Y::float64, "%", G::water, F::fixed1, "relative humidity",
     "outdoor relative humidity (docs/water.md)"},
    {"wet_bulb_c", T::site_series, Y::float64, "C", G::water, F::fixed1, "wet-bulb temperature",
     "outdoor wet-bulb temperature (Stull 2011)"},
    {"water_m3_per_h", T::site_series, Y::float64, "m3/h", G::water, F::fixed1, "water use",
     "cooling water used: evaporation + blowdown + drift (docs/water.md)"},
    {"desal_power_mw", T::site_series, Y::float64, "MW", G::water, F::fixed2, "desalination power",
     "the desalination plant's load, part of facility_power_mw"},

    // ---- /timeseries/links/<link>/<name> ------------------------------------------------------------
    {"utilization", T::link_series, Y::float64, "1", G::network, F::percent, "link utilization",
     "busier direction, 0..1"},
    {"throughput_gbps", T::link_series, Y::float64, "Gbps", G::network, F::fixed1, "throughput",
     "both directions"},
    {"up", T::link_series, Y::float64, "1", G::network, F::count, "link up", "1 up, 0 down"},
};

// Costs and water: each declared once here, and written both as a /summary/sites column (per
// site) and a /summary KPI (all sites; links built new included). Table::kpi is a placeholder.
const Figure kCostWater[] = {
    {"capital_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital",
     "capital installed at year 0, all assets (docs/economics.md)"},
    {"npc_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "net present cost",
     "capital + replacements + O&M - salvage + the grid and water bills as a year, escalated and discounted over "
     "economics.analysis_years"},
    {"annualised_cost_usd", T::kpi, Y::float64, "USD/y", G::cost, F::count, "annualised cost",
     "npc_usd x capital recovery factor"},
    {"cost_per_gpu_hour_usd", T::kpi, Y::float64, "USD/GPU-h", G::cost, F::fixed2, "cost per GPU-hour delivered",
     "annualised_cost_usd / completed_gpu_hours a year"},
    {"lcoe_usd_per_kwh", T::kpi, Y::float64, "USD/kWh", G::cost, F::fixed3, "cost of the site's electricity (LCOE)",
     "(annualised PV, wind, battery, grid connection + annualised grid bill) / facility energy a year"},
    {"grid_cost_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "grid bill over the run",
     "time-of-use energy + subscribed power + demand charges over the run"},
    {"water_cost_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "water bought over the run",
     "water_m3 x the municipal price (0 with a desalination plant)"},
    {"embodied_carbon_t", T::kpi, Y::float64, "t", G::carbon, F::fixed1, "embodied carbon over the run",
     "the assets' embodied carbon spread over their lives, for the run's length (beside carbon_t)"},
    {"completed_gpu_hours", T::kpi, Y::float64, "GPU-h", G::service, F::count, "GPU-hours delivered",
     "GPUs x work at full speed (work_s) of the completed jobs on GPU pools"},
    {"water_m3", T::kpi, Y::float64, "m3", G::water, F::count, "water used",
     "integral of water_m3_per_h: evaporation + blowdown + drift"},
    {"water_peak_m3_per_day", T::kpi, Y::float64, "m3/d", G::water, F::count, "water, highest day",
     "the highest calendar day's water (UTC days from the start; sites together for the KPI)"},
    {"wue_l_per_kwh", T::kpi, Y::float64, "L/kWh", G::water, F::fixed3, "water per IT energy (WUE)",
     "water_m3 / energy_it_mwh (The Green Grid's WUE); NaN without IT energy"},
    {"evaporation_m3", T::kpi, Y::float64, "m3", G::water, F::count, "water evaporated",
     "evaporated by the tower or the adiabatic pads"},
    {"blowdown_m3", T::kpi, Y::float64, "m3", G::water, F::count, "blowdown", "evaporation / (cycles - 1)"},
    {"drift_m3", T::kpi, Y::float64, "m3", G::water, F::count, "drift", "droplets lost from the tower"},
    {"desal_energy_mwh", T::kpi, Y::float64, "MWh", G::water, F::fixed1, "desalination energy",
     "integral of desal_power_mw"},
    {"desal_water_m3", T::kpi, Y::float64, "m3", G::water, F::count, "desalinated water",
     "the plant's product water (more than the use when it runs at minimum load)"},
    {"water_shortfall_m3", T::kpi, Y::float64, "m3", G::water, F::count, "water shortfall",
     "use beyond the desalination plant's capacity"},
    {"capital_solar_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: solar", "PV plant"},
    {"capital_wind_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: wind", "wind farm"},
    {"capital_battery_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: battery", "battery"},
    {"capital_grid_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: grid connection",
     "grid connection"},
    {"capital_facility_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: facility",
     "shell, power and cooling plant per MW of IT"},
    {"capital_cooling_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: cooling",
     "cooling beyond the facility's price (a cooling-mode variant)"},
    {"capital_gpu_servers_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: GPU servers",
     "GPU nodes with their share of the cluster network"},
    {"capital_cpu_servers_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: CPU servers", "CPU nodes"},
    {"capital_desalination_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: desalination",
     "seawater reverse-osmosis plant"},
};
// Links belong to the scenario, not to a site: a KPI only.
const Figure kCapitalLink = {"capital_link_usd", T::kpi, Y::float64, "USD", G::cost, F::count, "capital: links",
                             "links built new (economics.links), per km of route"};

// The base declarations with the cost and water figures after the last KPI and the last site column.
std::vector<Figure> with_cost_water() {
  std::vector<Figure> out;
  auto last_of = [](Table t) {
    size_t at = 0;
    for (size_t i = 0; i < std::size(kBaseFigures); ++i)
      if (kBaseFigures[i].table == t) at = i;
    return at;
  };
  const size_t last_kpi = last_of(T::kpi), last_site = last_of(T::sites);
  for (size_t i = 0; i < std::size(kBaseFigures); ++i) {
    out.push_back(kBaseFigures[i]);
    if (i == last_kpi) {
      for (const auto& f : kCostWater) out.push_back(f);
      out.push_back(kCapitalLink);
    }
    if (i == last_site)
      for (auto f : kCostWater) {
        f.table = T::sites;
        out.push_back(f);
      }
  }
  return out;
}

}  // namespace

// Built on first use, not at static initialisation: code that runs before main (a test's static
// initialiser running a sweep) reads the registry too (ASan: initialization-order-fiasco).
const std::vector<Figure>& figures() {
  static const std::vector<Figure> all = with_cost_water();
  return all;
}

std::vector<const Figure*> figures_of(Table table) {
  std::vector<const Figure*> out;
  for (const auto& f : figures())
    if (f.table == table) out.push_back(&f);
  return out;
}

const Figure* find_figure(Table table, std::string_view name) {
  for (const auto& f : figures())
    if (f.table == table && name == f.name) return &f;
  return nullptr;
}

const Figure& figure(Table table, std::string_view name) {
  if (const Figure* f = find_figure(table, name)) return *f;
  throw std::logic_error("figure '" + std::string(name) + "' of " + std::string(table_path(table)) +
                         " is not declared in simulator/output/figures.cpp");
}

std::string_view table_name(Table t) {
  switch (t) {
    case Table::kpi: return "kpi";
    case Table::sites: return "sites";
    case Table::classes: return "classes";
    case Table::regions: return "regions";
    case Table::jobs: return "jobs";
    case Table::site_series: return "site_series";
    case Table::link_series: return "link_series";
  }
  return "?";
}

std::string_view table_path(Table t) {
  switch (t) {
    case Table::kpi: return "/summary (attributes)";
    case Table::sites: return "/summary/sites";
    case Table::classes: return "/summary/classes";
    case Table::regions: return "/summary/regions";
    case Table::jobs: return "/jobs";
    case Table::site_series: return "/timeseries/sites/<site>";
    case Table::link_series: return "/timeseries/links/<link>";
  }
  return "?";
}

std::string_view type_name(Type t) {
  switch (t) {
    case Type::text: return "string";
    case Type::status: return "enum (int8)";
    case Type::int32: return "int32";
    case Type::int64: return "int64";
    case Type::uint64: return "uint64";
    case Type::float64: return "float64";
  }
  return "?";
}

std::string_view group_name(Group g) {
  switch (g) {
    case Group::identity: return "identity";
    case Group::service: return "service";
    case Group::energy: return "energy";
    case Group::carbon: return "carbon";
    case Group::reliability: return "reliability";
    case Group::network: return "network";
    case Group::cost: return "cost";
    case Group::water: return "water";
  }
  return "?";
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::text: return "text";
    case Format::count: return "count";
    case Format::fixed1: return "fixed1";
    case Format::fixed2: return "fixed2";
    case Format::fixed3: return "fixed3";
    case Format::percent: return "percent";
    case Format::duration: return "duration";
  }
  return "?";
}

std::string_view when_name(When w) { return w == When::network ? "network" : "always"; }

const std::vector<Group>& groups_in_order() {
  static const std::vector<Group> g = {Group::service, Group::energy,  Group::carbon,  Group::reliability,
                                       Group::network, Group::cost,    Group::water,   Group::identity};
  return g;
}

}  // namespace sovcap::output
