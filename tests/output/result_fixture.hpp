#pragma once
// A small, fully known run for the writer tests: 2 sites, 2 links, 2 classes,
// 3 regions, and helpers to make samples and jobs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "simulator/output/result_writer.hpp"
#include "tests/common/file_bytes.hpp"
#include "tests/common/temp_dir.hpp"

namespace fixture {

namespace out = sovcap::output;
using sovcap::workload::Job;
using sovcap::workload::JobStatus;

inline out::RunInfo run_info() {
  out::RunInfo info;
  info.scenario = "unit-test";
  info.start_utc = "2030-01-01T00:00:00Z";
  info.config_yaml = "name: unit-test\nseed: 42\n";
  info.sovcap_version = "9.9.9";
  info.seed = 42;
  info.duration_s = 3600;
  info.step_s = 900;
  info.sites = {"benguerir", "dakhla"};
  info.links = {"rabat-benguerir", "benguerir-dakhla"};
  info.classes = {"training", "inference"};
  info.regions = {"rabat", "guelmim", "nador"};
  info.nodes = {{"rabat", "region", 34.02, -6.84}, {"benguerir", "site", 32.22, -7.93}, {"dakhla", "site", 23.68, -15.96}};
  info.topology_links = {{"rabat-benguerir", "rabat", "benguerir", 100, 0.002, 210},
                         {"benguerir-dakhla", "benguerir", "dakhla", 40, 0.008, 1100}};
  return info;
}

// A sample obeying the power balance, scaled by k.
inline out::SiteSample site_sample(double k) {
  out::SiteSample s;
  s.it_power_mw = 10 * k;
  s.cooling_power_mw = 2 * k;
  s.facility_power_mw = 12 * k;
  s.pue = 1.2;
  s.solar_mw = 8 * k;
  s.wind_mw = 3 * k;
  s.battery_charge_mw = 1 * k;
  s.curtailed_mw = 0.5 * k;
  s.grid_import_mw = 2.5 * k;  // 8 + 3 + 2.5 = 12 + 1 + 0.5
  s.battery_soc_mwh = 50;
  s.power_cap_mw = 40;
  s.ambient_c = 25;
  s.carbon_gco2_per_kwh = 600;
  s.carbon_kg_per_h = 2.5 * k * 600;  // grid MW x gCO2/kWh = kg/h
  s.busy_gpus = 64 * k;
  s.total_gpus = 256;
  s.busy_cpus = 10;
  s.total_cpus = 100;
  s.running_jobs = 3;
  s.queued_jobs = 1;
  return s;
}

inline Job job(uint64_t id, int cls, int region, int site, double submit, double wait, double run,
               JobStatus status = JobStatus::completed) {
  Job j;
  j.id = id;
  j.class_index = cls;
  j.origin_region = region;
  j.site = site;
  j.pool = 0;
  j.units = 8;
  j.runtime_s = run;
  j.requested_s = run * 2;
  j.input_gb = 10;
  j.output_gb = 1;
  j.submit_s = submit;
  j.status = status;
  if (status != JobStatus::rejected) {
    j.start_s = submit + wait;
    if (status != JobStatus::unfinished) j.end_s = j.start_s + run;
    j.energy_kwh = 8 * 0.7 * run / 3600.0;
  }
  j.transfer_s = 5;
  return j;
}

using sovcap::test::TempDir;

// Files in dir whose name contains ".tmp".
inline size_t temp_files(const TempDir& dir) {
  size_t n = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.path()))
    if (e.path().filename().string().find(".tmp") != std::string::npos) ++n;
  return n;
}

using sovcap::test::slurp;

// Four 15-min samples (k = 1, 2, 3, 4 at benguerir, 0.5 at dakhla), links busy, a handful of jobs; finished.
inline void write_small(const std::string& path, size_t extra_jobs = 0) {
  out::ResultWriter w(path, run_info());
  for (int i = 0; i < 4; ++i) {
    std::vector<out::LinkSample> links = {{0.1 * i, 10.0 * i, 1}, {0.2, 8, i == 2 ? 0.0 : 1.0}};
    w.add_sample(900.0 * i, {site_sample(i + 1), site_sample(0.5)}, links);
  }
  w.add_job(job(1, 0, 0, 0, 0, 100, 1000));
  w.add_job(job(2, 0, 1, 1, 10, 300, 2000));
  w.add_job(job(3, 1, 2, 0, 20, 0, 5));
  w.add_job(job(4, 1, 0, -1, 30, 0, 0, JobStatus::rejected));
  w.add_job(job(5, 0, 2, 1, 40, 50, 100, JobStatus::unfinished));
  w.add_job(job(6, 1, 1, 0, 50, 20, 60, JobStatus::killed));
  for (size_t i = 0; i < extra_jobs; ++i) w.add_job(job(7 + i, static_cast<int>(i % 2), static_cast<int>(i % 3), static_cast<int>(i % 2), 60.0 + i, i % 97, 100));
  out::SiteExtras first;
  first.battery_cycles = 2.5;
  first.delayed_work_gpu_h = 1.0;
  first.delayed_work_core_h = 0.5;
  first.capping_episodes = 3;
  first.unserved_mwh = 0.25;
  first.lost_work_gpu_h = 4.0;
  first.lost_work_core_h = 2.0;
  w.finish(1.5, {first, out::SiteExtras{}});
}

}  // namespace fixture
