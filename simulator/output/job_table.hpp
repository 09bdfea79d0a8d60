#pragma once
// /jobs: one row per finished (or, at the end, unfinished) job, streamed to a
// chunked, extendible compound dataset a buffer at a time.
#include <future>
#include <string>
#include <vector>

#include "models/workload/job.hpp"
#include "simulator/output/h5_handle.hpp"

namespace sovcap::output {

class JobTable {
 public:
  static constexpr size_t chunk_rows = 8192;
  static constexpr size_t buffer_rows = 16384;  // rows held before an append to the file

  // Names index the job's class_index, origin_region and site.
  JobTable(hid_t parent, std::vector<std::string> classes, std::vector<std::string> regions,
           std::vector<std::string> sites);
  void append(const workload::Job& job);
  void flush();
  void close();  // flush and release the dataset
  size_t rows() const { return written_ + buffered_; }
  ~JobTable();

  // The column names and units, in member order (documented in docs/results.md).
  static const std::vector<std::string>& column_names();
  static const std::vector<std::string>& column_units();

 private:
  struct Layout {
    size_t id, cls, origin, site, pool, units, priority, submit, arrive, start, end, wait, transfer, runtime, work,
        input, output, energy, status, size;
  };
  std::vector<std::string> classes_, regions_, sites_;
  size_t cls_w_ = 1, origin_w_ = 1, site_w_ = 1;
  Layout at_{};
  Hid type_, ds_;
  std::vector<unsigned char> buf_;
  size_t buffered_ = 0;
  hsize_t written_ = 0;  // rows handed to the file (some may still be compressing)
  // Whole chunks are shuffled and deflated on a worker thread (exactly as HDF5's
  // shuffle + deflate filters would), then written with H5Dwrite_chunk: the
  // simulation goes on while the previous buffer compresses. HDF5 is called
  // from this thread only.
  struct Packed {
    hsize_t first_row = 0;
    std::vector<std::vector<unsigned char>> chunks;
  };
  std::future<Packed> pending_;
  void write_pending();
};

// The /jobs status enum type: names completed, rejected, killed, unfinished with JobStatus values (int8).
Hid job_status_enum_type();

}  // namespace sovcap::output
