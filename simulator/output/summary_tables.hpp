#pragma once
// /summary: the per-site, per-class and per-region tables and the
// whole-scenario KPIs as attributes of the group. Definitions: docs/results.md.
#include <vector>

#include "simulator/output/cost_water.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/output/job_stats.hpp"
#include "simulator/output/samples.hpp"
#include "simulator/output/site_integrals.hpp"

namespace sovcap::output {

// Renewable share of the energy absorbed on site (facility + battery):
// (solar + wind - curtailed - export) / (that + grid import), clipped to [0, 1]; NaN if nothing absorbed.
double renewable_fraction(double solar_mwh, double wind_mwh, double curtailed_mwh, double export_mwh,
                          double import_mwh);

// `extras` is empty (then unserved energy comes from the unserved_mw series) or one per site.
// `network`: the backbone's results, or null (no network columns or KPIs).
// `cost_water`: costs and water per site and in all, or null (no such columns or KPIs).
void write_summary(hid_t summary_group, const RunInfo& info, const SiteIntegrals& series, JobStats& jobs,
                   const std::vector<SiteExtras>& extras, const NetworkResults* network = nullptr,
                   const CostWaterResults* cost_water = nullptr);

// /events: one row per network event (kind, subject, start_s, end_s, duration_s); region subjects by id.
void write_events(hid_t root, const RunInfo& info, const NetworkResults& network);

}  // namespace sovcap::output
