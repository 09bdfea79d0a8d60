#include "simulator/output/series_set.hpp"

#include <hdf5_hl.h>

#include "simulator/output/h5_attributes.hpp"

namespace sovcap::output {

Hid SeriesSet::create(hid_t group, const std::string& name, const std::string& units) {
  hsize_t dims = 0, maxdims = H5S_UNLIMITED, chunk = block;
  Hid space(H5Screate_simple(1, &dims, &maxdims), "dataspace for " + name);
  Hid dcpl = creation_props(H5P_DATASET_CREATE);
  h5_check(H5Pset_chunk(dcpl, 1, &chunk), "chunk " + name);
  h5_check(H5Pset_shuffle(dcpl), "shuffle " + name);
  h5_check(H5Pset_deflate(dcpl, 1), "deflate " + name);
  // No chunk cache: blocks are written whole, once, so a cache only keeps every written chunk of every
  // series in memory (1 MiB each by default: 31 MB for a year of about 110 series) until close.
  Hid dapl(H5Pcreate(H5P_DATASET_ACCESS), "dataset access properties for " + name);
  h5_check(H5Pset_chunk_cache(dapl, H5D_CHUNK_CACHE_NSLOTS_DEFAULT, 0, H5D_CHUNK_CACHE_W0_DEFAULT),
           "chunk cache of " + name);
  Hid ds(H5Dcreate2(group, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, dapl), "create series " + name);
  write_attr(ds, "units", units);
  return ds;
}

SeriesSet::SeriesSet(hid_t timeseries) {
  time_ = create(timeseries, "time_s", "s");
  h5_check(H5DSset_scale(time_, "time_s"), "make time_s a dimension scale");
}

size_t SeriesSet::add(hid_t group, const std::string& name, const std::string& units) {
  Hid ds = create(group, name, units);
  h5_check(H5DSattach_scale(ds, time_, 0), "attach time_s to " + name);
  series_.push_back(std::move(ds));
  bufs_.emplace_back();
  bufs_.back().reserve(block);
  return series_.size() - 1;
}

void SeriesSet::append(double t_s, const std::vector<double>& values) {
  if (values.size() != series_.size())
    throw H5Error("a sample has " + std::to_string(values.size()) + " values for " + std::to_string(series_.size()) + " series");
  time_buf_.push_back(t_s);
  for (size_t i = 0; i < values.size(); ++i) bufs_[i].push_back(values[i]);
  if (time_buf_.size() >= block) flush();
}

void SeriesSet::extend_and_write(hid_t ds, hsize_t at, const std::vector<double>& values) {
  hsize_t n = values.size(), total = at + n;
  h5_check(H5Dset_extent(ds, &total), "extend a series");
  Hid file_space(H5Dget_space(ds), "series space");
  h5_check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, &at, nullptr, &n, nullptr), "select");
  Hid mem_space(H5Screate_simple(1, &n, nullptr), "memory space");
  h5_check(H5Dwrite(ds, H5T_NATIVE_DOUBLE, mem_space, file_space, H5P_DEFAULT, values.data()), "write a series");
}

void SeriesSet::flush() {
  if (time_buf_.empty()) return;
  extend_and_write(time_, written_, time_buf_);
  for (size_t i = 0; i < series_.size(); ++i) {
    extend_and_write(series_[i], written_, bufs_[i]);
    bufs_[i].clear();
  }
  written_ += time_buf_.size();
  time_buf_.clear();
}

void SeriesSet::close() {
  flush();
  for (auto& s : series_) s.reset();
  time_.reset();
}

}  // namespace sovcap::output
