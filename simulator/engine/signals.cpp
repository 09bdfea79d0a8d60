#include "simulator/engine/signals.hpp"

#include <unistd.h>

#include <csignal>
#include <cstring>

#include "simulator/output/result_writer.hpp"

namespace sovcap::engine {
namespace {
volatile std::sig_atomic_t g_signal = 0;

// The clean stop is the controller's, at its next step; a loop that does not
// reach a step (a long load, a burst of events) must not keep the process
// alive: this many seconds after the signal it ends anyway.
constexpr unsigned kGraceS = 3;

void say(const char* s) { (void)!::write(STDERR_FILENO, s, std::strlen(s)); }

extern "C" void on_signal(int sig) {
  if (g_signal == 0) ::alarm(kGraceS);
  g_signal = sig;
}

extern "C" void on_grace_over(int) {
  // Async-signal-safe only: unlink the temp result, say why, leave.
  output::ResultWriter::remove_temp_files_on_signal();
  say("sovcap: stopped by signal; no result written\n");
  ::_exit(128 + (g_signal ? g_signal : SIGTERM));
}
}  // namespace

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);  // a closed terminal is a stop, too
  sa.sa_handler = on_grace_over;
  sigaction(SIGALRM, &sa, nullptr);
  // A file size limit (ulimit -f) makes writes fail (EFBIG), a run failure with exit 1, not a kill.
  std::signal(SIGXFSZ, SIG_IGN);
}
bool interrupted() { return g_signal != 0; }
int interrupt_signal() { return g_signal; }

}  // namespace sovcap::engine
