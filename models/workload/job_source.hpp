#pragma once
// What the simulator pulls jobs from: a synthetic ArrivalStream or a
// TraceStream, one per region, in submit order.
#include "models/workload/job.hpp"

namespace sovcap::workload {

class JobSource {
 public:
  virtual ~JobSource() = default;
  virtual bool done() const = 0;     // no job left before the horizon
  virtual double peek_s() const = 0; // submit time of the next job (s since start); needs !done()
  virtual Job next() = 0;            // the next job; needs !done()
};

}  // namespace sovcap::workload
