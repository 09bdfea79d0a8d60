#include "simulator/sweep/local_pool.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <thread>

#include "simulator/sweep/child_process.hpp"
#include "simulator/sweep/interrupt.hpp"

namespace sovcap::sweep {
namespace fs = std::filesystem;

std::vector<std::string> run_command(const std::string& exe, const std::string& base, const Overrides& fixed,
                                     const Point& p, const std::string& result, bool kpis_only) {
  std::vector<std::string> cmd = {exe, "run", base, "-o", result};
  for (const auto* list : {&fixed, &p.params})
    for (const auto& [k, v] : *list) {
      cmd.push_back("--set");
      cmd.push_back(k + "=" + v);
    }
  cmd.push_back("--seed");
  cmd.push_back(std::to_string(p.seed));
  cmd.push_back("--quiet");
  if (kpis_only) cmd.push_back("--kpis-only");
  return cmd;
}

LocalPool::LocalPool(std::string exe, const SweepSpec& spec, SweepDir dir, int slots)
    : exe_(std::move(exe)), spec_(spec), dir_(std::move(dir)), slots_(slots < 1 ? 1 : slots) {}

LocalPool::~LocalPool() { stop_all(); }

void LocalPool::start(const Point& p) {
  std::error_code ec;
  fs::remove(dir_.result(p.index), ec);
  fs::remove(dir_.failure(p.index), ec);
  pid_t pid = spawn_logged(run_command(exe_, spec_.base, spec_.fixed, p, dir_.result(p.index), spec_.kpis_only), dir_.log(p.index));
  running_.push_back({pid, p.index});
}

PointOutcome LocalPool::finish(long point, int code) {
  PointOutcome o{point, code, ""};
  std::error_code ec;
  if (code == 0 && !fs::is_regular_file(dir_.result(point), ec)) o.message = "exit 0 but no result file";
  if (code != 0) {
    fs::remove(dir_.result(point), ec);  // a failed run's result is not trusted
    o.message = last_line(dir_.log(point));
    if (o.message.empty()) o.message = "exit " + std::to_string(code) + " without a message";
  }
  if (!o.ok()) write_file_atomically(dir_.failure(point), std::to_string(code) + "\n" + o.message + "\n");
  return o;
}

std::vector<PointOutcome> LocalPool::reap() {
  std::vector<PointOutcome> out;
  for (size_t i = 0; i < running_.size();) {
    int st = 0;
    pid_t r = ::waitpid(running_[i].pid, &st, WNOHANG);
    if (r == running_[i].pid) {
      out.push_back(finish(running_[i].point, exit_code_of(st)));
      running_.erase(running_.begin() + static_cast<long>(i));
    } else {
      ++i;
    }
  }
  return out;
}

void LocalPool::stop_all() {
  if (running_.empty()) return;
  std::vector<pid_t> pids;
  for (const auto& r : running_) pids.push_back(r.pid);
  stop_children(pids);
  for (const auto& r : running_) dir_.remove_temps_of(r.point);
  running_.clear();
}

PointOutcome run_point_blocking(const std::string& exe, const SweepSpec& spec, const SweepDir& dir, const Point& p) {
  LocalPool pool(exe, spec, dir, 1);
  pool.start(p);
  while (true) {
    auto done = pool.reap();
    if (!done.empty()) return done.front();
    if (int sig = interrupt_signal()) {
      pool.stop_all();
      return {p.index, 128 + sig, "interrupted"};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace sovcap::sweep
