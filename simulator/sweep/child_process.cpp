#include "simulator/sweep/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace sovcap::sweep {

pid_t spawn_logged(const std::vector<std::string>& argv, const std::string& log_path) {
  // Everything the child needs is prepared before fork: only async-signal-safe calls after it.
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("cannot start a point: fork: ") + std::strerror(errno));
  if (pid > 0) {
    ::setpgid(pid, pid);  // also in the child: whichever runs first
    return pid;
  }
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(137);  // the sweep died before prctl
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  int in = ::open("/dev/null", O_RDONLY);
  int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (in >= 0) ::dup2(in, 0);
  if (log >= 0) {
    ::dup2(log, 1);
    ::dup2(log, 2);
  }
  ::execv(args[0], args.data());
  const char* why = std::strerror(errno);
  const char* pre = "sweep: cannot execute ";
  (void)!::write(2, pre, std::strlen(pre));
  (void)!::write(2, args[0], std::strlen(args[0]));
  (void)!::write(2, ": ", 2);
  (void)!::write(2, why, std::strlen(why));
  (void)!::write(2, "\n", 1);
  ::_exit(127);
}

int exit_code_of(int st) {
  if (WIFEXITED(st)) return WEXITSTATUS(st);
  if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
  return 1;
}

void stop_children(const std::vector<pid_t>& pids, double grace_s) {
  for (pid_t p : pids) ::kill(-p, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s);
  std::vector<pid_t> left = pids;
  while (!left.empty()) {
    for (size_t i = 0; i < left.size();) {
      int st = 0;
      pid_t r = ::waitpid(left[i], &st, WNOHANG);
      if (r == left[i] || (r < 0 && errno == ECHILD)) {
        left.erase(left.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
    if (left.empty()) break;
    if (std::chrono::steady_clock::now() > deadline) {
      for (pid_t p : left) ::kill(-p, SIGKILL);
      for (pid_t p : left) ::waitpid(p, nullptr, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string last_line(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line)) {
    auto b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    auto e = line.find_last_not_of(" \t\r");
    last = line.substr(b, e - b + 1);
  }
  if (last.size() > 300) last = last.substr(0, 297) + "...";
  return last;
}

}  // namespace sovcap::sweep
