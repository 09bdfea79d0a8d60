#include "simulator/output/result_writer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>

#include "models/power/calendar.hpp"
#include "simulator/output/h5_attributes.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/output/job_stats.hpp"
#include "simulator/output/job_table.hpp"
#include "simulator/output/series_set.hpp"
#include "simulator/output/site_integrals.hpp"
#include "simulator/output/summary_tables.hpp"
#include "simulator/output/topology_tables.hpp"
#include "sovcap_version.hpp"

namespace sovcap::output {
namespace {
namespace fs = std::filesystem;

// The temporary path of the live writer, for remove_temp_files_on_signal (no allocation there).
char g_temp_path[4096] = {0};

void register_temp(const std::string& path) {
  if (path.size() >= sizeof g_temp_path) return;  // too long to register: the destructor still cleans up
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
}

void unregister_temp(const std::string& path) {
  if (path == g_temp_path) g_temp_path[0] = '\0';
}

std::string utc_now() { return power::format_iso_utc(static_cast<int64_t>(std::time(nullptr))); }

// A site or link id becomes a group name: it must be one HDF5 path component.
void check_names(const std::vector<std::string>& names, const char* what) {
  std::set<std::string> seen;
  for (const auto& n : names) {
    if (n.empty() || n == "." || n.find('/') != std::string::npos)
      throw H5Error(std::string("invalid ") + what + " id '" + n + "' (it names an HDF5 group: non-empty, no '/')");
    if (!seen.insert(n).second) throw H5Error(std::string("duplicate ") + what + " id '" + n + "'");
  }
}

// Make the bytes durable before the rename publishes them.
void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string parent_dir(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

// Temp files of this target left by runs that died without cleaning up
// (SIGKILL, an abort, a power cut): "<target>.tmp.<pid>" whose process is gone.
void remove_stale_temps(const std::string& target) {
  std::string dir = parent_dir(target);
  std::string prefix = target.substr(target.find_last_of('/') + 1) + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to tell
    std::error_code rm;
    if (it->is_regular_file(rm)) fs::remove(it->path(), rm);
  }
}

}  // namespace

struct ResultWriter::State {
  Hid file, timeseries, summary;
  std::unique_ptr<SeriesSet> series;
  std::unique_ptr<JobTable> jobs;
  std::unique_ptr<SiteIntegrals> integrals;
  std::unique_ptr<JobStats> stats;
  std::vector<double> values;  // one sample, reused
  double last_t_s = -INFINITY;
};

ResultWriter::ResultWriter(std::string target_path, RunInfo info, Contents contents)
    : target_(std::move(target_path)), info_(std::move(info)), contents_(contents), st_(std::make_unique<State>()) {
  h5_quiet();
  check_names(info_.sites, "site");
  check_names(info_.links, "link");
  if (info_.sovcap_version.empty()) info_.sovcap_version = SOVCAP_VERSION;
  temp_ = target_ + ".tmp." + std::to_string(::getpid());
  remove_stale_temps(target_);
  register_temp(temp_);
  try {
    // 1.8 file format: dense attribute storage (a large config_yaml), readable by HDF5 >= 1.8.
    Hid fapl(H5Pcreate(H5P_FILE_ACCESS), "file access properties");
    h5_check(H5Pset_libver_bounds(fapl, H5F_LIBVER_V18, H5F_LIBVER_V18), "file format bounds");
    // Closing with objects still open is then an error, not a silent deferred close.
    h5_check(H5Pset_fclose_degree(fapl, H5F_CLOSE_SEMI), "file close degree");
    Hid fcpl(H5Pcreate(H5P_FILE_CREATE), "file creation properties");
    h5_check(H5Pset_obj_track_times(fcpl, 0), "disable object times");
    st_->file = Hid(H5Fcreate(temp_.c_str(), H5F_ACC_TRUNC, fcpl, fapl), "cannot create " + temp_);

    hid_t root = st_->file;
    write_attr(root, "schema", schema_version);
    write_attr(root, "sovcap_version", info_.sovcap_version);
    write_attr(root, "scenario", info_.scenario);
    write_attr(root, "seed", info_.seed);
    write_attr(root, "start_utc", info_.start_utc);
    write_attr(root, "duration_s", info_.duration_s);
    write_attr(root, "step_s", info_.step_s);
    write_attr(root, "config_yaml", info_.config_yaml);
    write_attr(root, "contents", std::string(contents_ == Contents::kpis ? "kpis" : "full"));
    if (info_.trace) {  // what the SWF replay used and skipped, per reason (docs/results.md)
      Hid trace = create_group(root, "trace");
      const auto& t = *info_.trace;
      write_attr(trace, "path", t.path);
      write_attr(trace, "records", t.records);
      write_attr(trace, "used", t.used);
      int64_t skipped = 0;
      for (const auto& k : t.skipped) {
        skipped += k.records;
        write_attr(trace, "skipped_" + k.reason, k.records);
        write_attr(trace, "skipped_" + k.reason + "_lines", k.first_lines);
      }
      write_attr(trace, "skipped", skipped);
    }

    if (contents_ == Contents::full) {
    st_->timeseries = create_group(root, "timeseries");
    st_->series = std::make_unique<SeriesSet>(st_->timeseries);
    Hid sites = create_group(st_->timeseries, "sites");
    for (const auto& s : info_.sites) {
      Hid g = create_group(sites, s);
      for (const auto& m : site_metrics()) st_->series->add(g, m.name, m.units);
    }
    Hid links = create_group(st_->timeseries, "links");
    for (const auto& l : info_.links) {
      Hid g = create_group(links, l);
      for (const auto& m : link_metrics()) st_->series->add(g, m.name, m.units);
    }
    st_->jobs = std::make_unique<JobTable>(root, info_.classes, info_.regions, info_.sites);
    }
    st_->summary = create_group(root, "summary");
    Hid topology = create_group(root, "topology");
    write_topology(topology, info_.nodes, info_.topology_links);

    st_->integrals = std::make_unique<SiteIntegrals>(info_.sites.size());
    st_->stats = std::make_unique<JobStats>(info_.classes.size(), info_.regions.size(), info_.sites.size(), info_.duration_s,
                                            info_.class_gpu);
    st_->values.reserve(info_.sites.size() * site_metrics().size() + info_.links.size() * link_metrics().size());
  } catch (...) {
    close_all();
    ::unlink(temp_.c_str());
    unregister_temp(temp_);
    throw;
  }
}

void ResultWriter::add_sample(double t_s, const std::vector<SiteSample>& sites, const std::vector<LinkSample>& links) {
  if (finished_) throw H5Error("add_sample after finish");
  if (sites.size() != info_.sites.size() || links.size() != info_.links.size())
    throw H5Error("add_sample: " + std::to_string(sites.size()) + " sites and " + std::to_string(links.size()) +
                  " links, the run has " + std::to_string(info_.sites.size()) + " and " +
                  std::to_string(info_.links.size()));
  if (!(t_s >= st_->last_t_s)) throw H5Error("add_sample: time " + std::to_string(t_s) + " goes backwards");
  st_->last_t_s = t_s;
  st_->integrals->add(t_s, sites);
  if (!st_->series) return;  // Contents::kpis
  auto& v = st_->values;
  v.clear();
  for (const auto& s : sites)
    for (const auto& m : site_metrics()) v.push_back(s.*(m.field));
  for (const auto& l : links)
    for (const auto& m : link_metrics()) v.push_back(l.*(m.field));
  st_->series->append(t_s, v);
}

void ResultWriter::add_job(const workload::Job& job) {
  if (finished_) throw H5Error("add_job after finish");
  if (st_->jobs) st_->jobs->append(job);  // checks the indices first (JobStats::add too, by at())
  st_->stats->add(job);
}

void ResultWriter::finish(double wall_s, const std::vector<SiteExtras>& extras) {
  if (finished_) throw H5Error("finish called twice");
  if (st_->series) st_->series->close();
  if (st_->jobs) st_->jobs->close();
  st_->integrals->close(info_.duration_s);
  write_summary(st_->summary, info_, *st_->integrals, *st_->stats, extras, has_network_ ? &network_ : nullptr,
                has_cost_water_ ? &cost_water_ : nullptr);
  if (has_network_) write_events(st_->file, info_, network_);
  write_attr(st_->file, "created_utc", utc_now());
  write_attr(st_->file, "wall_s", wall_s);
  st_->summary.reset();
  st_->timeseries.reset();
  st_->series.reset();
  st_->jobs.reset();
  h5_check(H5Fflush(st_->file, H5F_SCOPE_GLOBAL), "flush " + temp_);
  hid_t f = st_->file.release();  // H5Fclose reports its own failure
  h5_check(H5Fclose(f), "close " + temp_);
  fsync_path(temp_);
  if (std::rename(temp_.c_str(), target_.c_str()) != 0)
    throw H5Error("cannot rename " + temp_ + " onto " + target_ + ": " + std::strerror(errno));
  fsync_path(parent_dir(target_));
  unregister_temp(temp_);
  finished_ = true;
}

void ResultWriter::close_all() noexcept {
  if (!st_) return;
  st_->summary.reset();
  st_->timeseries.reset();
  st_->series.reset();  // Hid destructors close without a final flush
  st_->jobs.reset();
  st_->file.reset();
}

ResultWriter::~ResultWriter() {
  if (finished_) return;
  close_all();
  ::unlink(temp_.c_str());
  unregister_temp(temp_);
}

void ResultWriter::remove_temp_files_on_signal() {
  if (g_temp_path[0] != '\0') ::unlink(g_temp_path);
}

}  // namespace sovcap::output
