#include "simulator/engine/signals.hpp"

#include <csignal>

namespace sovcap::engine {
namespace {
volatile std::sig_atomic_t g_signal = 0;
extern "C" void on_signal(int sig) { g_signal = sig; }
}  // namespace

void install_signal_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}
bool interrupted() { return g_signal != 0; }
int interrupt_signal() { return g_signal; }

}  // namespace sovcap::engine
