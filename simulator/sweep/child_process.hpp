#pragma once
// Child processes for sweep points: one `sovcap run` each (SimGrid allows one
// simulation per process). A child gets its own process group, so signals to
// the sweep's terminal group do not reach it half-way, and is killed by the
// kernel if the sweep dies (even by SIGKILL), so no orphan writes a result
// after the sweep has gone.
#include <sys/types.h>

#include <string>
#include <vector>

namespace sovcap::sweep {

// Start argv[0] with argv, stdout and stderr to log_path (truncated), stdin
// from /dev/null. Throws std::runtime_error if fork fails; an exec failure
// shows as exit code 127 with the reason in the log.
pid_t spawn_logged(const std::vector<std::string>& argv, const std::string& log_path);

// Exit code of a waitpid status: the code, or 128 + signal for a killed child.
int exit_code_of(int wait_status);

// SIGTERM to each child's group, up to grace_s for them to end, then SIGKILL; reaps them.
void stop_children(const std::vector<pid_t>& pids, double grace_s = 2.0);

// The last non-blank line of a file (at most 300 characters), "" if none.
std::string last_line(const std::string& path);

}  // namespace sovcap::sweep
