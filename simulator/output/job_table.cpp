#include "simulator/output/job_table.hpp"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <stdexcept>

#include "simulator/output/column_table.hpp"
#include "simulator/output/figures.hpp"
#include "simulator/output/h5_attributes.hpp"

namespace sovcap::output {
namespace {

size_t widest(const std::vector<std::string>& names) {
  size_t w = 1;
  for (const auto& n : names) w = std::max(w, n.size() + 1);  // + the terminator
  return w;
}

const std::string& name_at(const std::vector<std::string>& names, int32_t i, const char* what, uint64_t job) {
  if (i < 0 || static_cast<size_t>(i) >= names.size())
    throw H5Error("job " + std::to_string(job) + ": " + what + " index " + std::to_string(i) + " out of range (0.." +
                  std::to_string(static_cast<long>(names.size()) - 1) + ")");
  return names[i];
}

constexpr int kDeflateLevel = 1;  // level 1: 2 % larger than 4, much faster (docs/performance.md)

// HDF5's shuffle filter (H5Z_filter_shuffle) then its deflate filter (H5Z_filter_deflate:
// compress2), on one chunk of n elements of `size` bytes: the same bytes the library writes.
std::vector<unsigned char> shuffle_deflate(const unsigned char* in, size_t n, size_t size) {
  std::vector<unsigned char> shuffled(n * size);
  for (size_t b = 0; b < size; ++b)
    for (size_t i = 0; i < n; ++i) shuffled[b * n + i] = in[i * size + b];
  uLongf len = compressBound(static_cast<uLong>(shuffled.size()));
  std::vector<unsigned char> out(len);
  if (compress2(out.data(), &len, shuffled.data(), static_cast<uLong>(shuffled.size()), kDeflateLevel) != Z_OK)
    throw H5Error("deflate of a /jobs chunk failed");
  out.resize(len);
  return out;
}

}  // namespace

Hid job_status_enum_type() {
  using workload::JobStatus;
  Hid t(H5Tenum_create(H5T_NATIVE_INT8), "status enum");
  for (const auto& [name, v] : workload::kJobStatusNames) {
    auto raw = static_cast<int8_t>(v);
    h5_check(H5Tenum_insert(t, name, &raw), std::string("status enum ") + name);
  }
  return t;
}

const std::vector<std::string>& JobTable::column_names() {
  static const std::vector<std::string> n = [] {
    std::vector<std::string> v;
    for (const Figure* f : figures_of(Table::jobs)) v.push_back(f->name);
    return v;
  }();
  return n;
}

const std::vector<std::string>& JobTable::column_units() {
  static const std::vector<std::string> u = [] {
    std::vector<std::string> v;
    for (const Figure* f : figures_of(Table::jobs)) v.push_back(f->unit);
    return v;
  }();
  return u;
}

JobTable::JobTable(hid_t parent, std::vector<std::string> classes, std::vector<std::string> regions,
                   std::vector<std::string> sites)
    : classes_(std::move(classes)), regions_(std::move(regions)), sites_(std::move(sites)) {
  cls_w_ = widest(classes_);
  origin_w_ = widest(regions_);
  site_w_ = widest(sites_);
  size_t o = 0;
  auto place = [&o](size_t bytes) { size_t at = o; o += bytes; return at; };
  at_.id = place(8);
  at_.cls = place(cls_w_);
  at_.origin = place(origin_w_);
  at_.site = place(site_w_);
  at_.pool = place(4);
  at_.units = place(4);
  at_.priority = place(4);
  at_.submit = place(8);
  at_.arrive = place(8);
  at_.start = place(8);
  at_.end = place(8);
  at_.wait = place(8);
  at_.transfer = place(8);
  at_.runtime = place(8);
  at_.work = place(8);
  at_.input = place(8);
  at_.output = place(8);
  at_.energy = place(8);
  at_.status = place(1);
  at_.size = o;

  type_ = Hid(H5Tcreate(H5T_COMPOUND, at_.size), "jobs type");
  Hid cls_t = fixed_string_type(cls_w_), origin_t = fixed_string_type(origin_w_), site_t = fixed_string_type(site_w_);
  Hid status_t = job_status_enum_type();
  const auto& names = column_names();
  const hid_t types[] = {H5T_NATIVE_UINT64, cls_t,  origin_t, site_t, H5T_NATIVE_INT32, H5T_NATIVE_INT32,
                         H5T_NATIVE_INT32,  0,      0,        0,      0,                0,
                         0,                 0,      0,        0,      0,                0, status_t};
  const size_t offsets[] = {at_.id,   at_.cls,      at_.origin, at_.site,  at_.pool,  at_.units, at_.priority,
                            at_.submit, at_.arrive, at_.start,  at_.end,   at_.wait,  at_.transfer, at_.runtime,
                            at_.work, at_.input,    at_.output, at_.energy, at_.status};
  if (names.size() != std::size(offsets))  // the declarations of /jobs (figures.cpp) and this layout
    throw std::logic_error("/jobs declares " + std::to_string(names.size()) + " columns, the layout has " +
                           std::to_string(std::size(offsets)));
  for (size_t i = 0; i < names.size(); ++i)
    h5_check(H5Tinsert(type_, names[i].c_str(), offsets[i], types[i] ? types[i] : H5T_NATIVE_DOUBLE),
             "jobs column " + names[i]);

  hsize_t dims = 0, maxdims = H5S_UNLIMITED, chunk = chunk_rows;
  Hid space(H5Screate_simple(1, &dims, &maxdims), "jobs space");
  Hid dcpl = creation_props(H5P_DATASET_CREATE);
  h5_check(H5Pset_chunk(dcpl, 1, &chunk), "jobs chunk");
  h5_check(H5Pset_shuffle(dcpl), "jobs shuffle");
  h5_check(H5Pset_deflate(dcpl, kDeflateLevel), "jobs deflate");
  ds_ = Hid(H5Dcreate2(parent, "jobs", type_, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), "create /jobs");
  write_attr(ds_, "units", units_listing(names, column_units()));
  write_attr(ds_, "columns", names);
  write_attr(ds_, "columns_units", column_units());
  buf_.assign(buffer_rows * at_.size, 0);
}

void JobTable::append(const workload::Job& j) {
  const std::string& cls = name_at(classes_, j.class_index, "class", j.id);
  const std::string& origin = name_at(regions_, j.origin_region, "origin region", j.id);
  static const std::string unplaced;
  const std::string& site = j.site < 0 ? unplaced : name_at(sites_, j.site, "site", j.id);
  unsigned char* row = &buf_[buffered_ * at_.size];
  std::memset(row, 0, at_.size);
  auto put = [row](size_t at, const auto& v) { std::memcpy(row + at, &v, sizeof v); };
  put(at_.id, j.id);
  std::memcpy(row + at_.cls, cls.data(), cls.size());
  std::memcpy(row + at_.origin, origin.data(), origin.size());
  std::memcpy(row + at_.site, site.data(), site.size());
  put(at_.pool, j.pool);
  put(at_.units, j.units);
  put(at_.priority, j.priority);
  put(at_.submit, j.submit_s);
  put(at_.arrive, j.arrive_site_s);
  put(at_.start, j.start_s);
  put(at_.end, j.end_s);
  put(at_.wait, j.start_s - j.submit_s);   // NaN when the job never started
  put(at_.transfer, j.transfer_s);
  put(at_.runtime, j.end_s - j.start_s);   // actual, throttling included; NaN when not ended
  put(at_.work, j.runtime_s);
  put(at_.input, j.input_gb);
  put(at_.output, j.output_gb);
  put(at_.energy, j.energy_kwh);
  put(at_.status, static_cast<int8_t>(j.status));
  if (++buffered_ == buffer_rows) flush();
}

JobTable::~JobTable() {
  if (pending_.valid()) pending_.wait();  // never leave the worker running on a freed buffer
}

void JobTable::write_pending() {
  if (!pending_.valid()) return;
  Packed p = pending_.get();  // rethrows a worker's failure
  hsize_t rows = p.chunks.size() * chunk_rows, total = p.first_row + rows;
  h5_check(H5Dset_extent(ds_, &total), "extend /jobs");
  for (size_t c = 0; c < p.chunks.size(); ++c) {
    hsize_t offset = p.first_row + c * chunk_rows;
    h5_check(H5Dwrite_chunk(ds_, H5P_DEFAULT, 0, &offset, p.chunks[c].size(), p.chunks[c].data()), "write /jobs chunk");
  }
}

void JobTable::flush() {
  if (buffered_ == 0 || !ds_.valid()) return;
  write_pending();
  if (written_ % chunk_rows == 0 && buffered_ % chunk_rows == 0) {
    // Whole chunks: compress them on the worker while the simulation goes on.
    std::vector<unsigned char> rows(buffer_rows * at_.size);
    rows.swap(buf_);
    size_t n_chunks = buffered_ / chunk_rows, size = at_.size;
    hsize_t first = written_;
    pending_ = std::async(std::launch::async, [rows = std::move(rows), n_chunks, size, first] {
      Packed p;
      p.first_row = first;
      for (size_t c = 0; c < n_chunks; ++c)
        p.chunks.push_back(shuffle_deflate(rows.data() + c * chunk_rows * size, chunk_rows, size));
      return p;
    });
    written_ += buffered_;
    buffered_ = 0;
    return;
  }
  // A partial chunk (the end of the table): through HDF5's own filters.
  hsize_t n = buffered_, total = written_ + n;
  h5_check(H5Dset_extent(ds_, &total), "extend /jobs");
  Hid file_space(H5Dget_space(ds_), "jobs space");
  h5_check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, &written_, nullptr, &n, nullptr), "select jobs rows");
  Hid mem_space(H5Screate_simple(1, &n, nullptr), "jobs memory space");
  h5_check(H5Dwrite(ds_, type_, mem_space, file_space, H5P_DEFAULT, buf_.data()), "write /jobs rows");
  written_ = total;
  buffered_ = 0;
}

void JobTable::close() {
  flush();
  write_pending();
  ds_.reset();
  type_.reset();
}

}  // namespace sovcap::output
