// The floor for this event count: one FCFS pool driven by a bare binary-heap
// event loop, reading the same CSV job stream as sovcap and SimPy.
// Prints: jobs, mean wait (s), wall (s).
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <queue>
#include <sstream>
#include <string>
#include <vector>

struct Job { double submit, runtime; int units; };

int main(int argc, char** argv) {
  if (argc < 3) { std::fprintf(stderr, "usage: heap_loop STREAM.csv SERVERS\n"); return 2; }
  std::vector<Job> jobs;
  std::ifstream in(argv[1]);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string f[5];
    for (auto& x : f) std::getline(ss, x, ',');
    jobs.push_back({std::stod(f[0]), std::stod(f[4]), std::stoi(f[3])});
  }
  int free_units = std::atoi(argv[2]);
  auto t0 = std::chrono::steady_clock::now();
  using End = std::pair<double, int>;  // end time, units
  std::priority_queue<End, std::vector<End>, std::greater<>> running;
  std::deque<size_t> queue;
  double wait_sum = 0;
  size_t next = 0, started = 0;
  auto start_head = [&](double now) {
    while (!queue.empty() && jobs[queue.front()].units <= free_units) {
      const Job& j = jobs[queue.front()];
      queue.pop_front();
      free_units -= j.units;
      wait_sum += now - j.submit;
      running.push({now + j.runtime, j.units});
      ++started;
    }
  };
  while (next < jobs.size() || !running.empty()) {
    bool arrival = next < jobs.size() && (running.empty() || jobs[next].submit < running.top().first);
    if (arrival) {
      double now = jobs[next].submit;
      queue.push_back(next++);
      start_head(now);
    } else {
      auto [now, units] = running.top();
      running.pop();
      free_units += units;
      start_head(now);
    }
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("jobs=%zu mean_wait_s=%.6f wall_s=%.6f\n", started, started ? wait_sum / started : 0.0, wall);
}
