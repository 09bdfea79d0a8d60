#pragma once
// The time series of a run: /timeseries/time_s and one float64 dataset per
// site or link metric, all chunked and extendible, appended a block at a time
// so memory stays bounded however long the run.
#include <string>
#include <vector>

#include "simulator/output/h5_handle.hpp"

namespace sovcap::output {

class SeriesSet {
 public:
  static constexpr size_t block = 4096;  // samples per chunk and per flush

  // Creates time_s (a dimension scale) under `timeseries`.
  explicit SeriesSet(hid_t timeseries);
  // Creates an empty series under `group`, with its units, attached to time_s. Returns its index.
  size_t add(hid_t group, const std::string& name, const std::string& units);
  // One sample: the time and, in the order of add(), a value per series.
  void append(double t_s, const std::vector<double>& values);
  void flush();
  size_t samples() const { return written_ + time_buf_.size(); }
  // Closes the datasets (after a final flush); needed before the file is closed.
  void close();

 private:
  static Hid create(hid_t group, const std::string& name, const std::string& units);
  static void extend_and_write(hid_t ds, hsize_t at, const std::vector<double>& values);
  Hid time_;
  std::vector<Hid> series_;
  std::vector<std::vector<double>> bufs_;
  std::vector<double> time_buf_;
  hsize_t written_ = 0;
};

}  // namespace sovcap::output
