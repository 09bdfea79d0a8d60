#pragma once
// SIGINT/SIGTERM during a sweep: the handler only notes the signal; the
// sweep's loop sees it, stops its children and exits 128 + signal.
namespace sovcap::sweep {

// Install the handlers (idempotent); the previous ones are restored by the guard's destructor.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

// The signal received since the guard was installed, or 0.
int interrupt_signal();

}  // namespace sovcap::sweep
