#pragma once
// SIGINT/SIGTERM/SIGHUP stop a run cleanly: the handler only sets a flag, the
// controller checks it each step and unwinds, and the temporary result is removed;
// if that takes more than a few seconds (a loop that does not reach a step), an
// alarm removes the temporary result and ends the process with 128 + signal.
#include <stdexcept>
#include <string>

namespace sovcap::engine {

struct Interrupted : std::runtime_error {
  int signal;
  explicit Interrupted(int sig) : std::runtime_error("interrupted by signal " + std::to_string(sig)), signal(sig) {}
};

void install_signal_handlers();
bool interrupted();
int interrupt_signal();

}  // namespace sovcap::engine
