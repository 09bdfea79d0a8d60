// `sovcap summary`: the KPI table of a good result, JSON that Python parses,
// and one clear line (exit 2) for anything that is not a finished result of the current schema.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "result_fixture.hpp"
#include "simulator/output/figures.hpp"
#include "simulator/output/summary_printer.hpp"

namespace {

struct Printed {
  int rc;
  std::string out, err;
};

Printed summary(const std::string& path, bool json = false) {
  std::ostringstream out, err;
  int rc = sovcap::output::print_summary(path, json, out, err);
  return {rc, out.str(), err.str()};
}

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// An HDF5 file with whatever the callback puts in it.
template <typename F>
void make_h5(const std::string& path, F fill) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  hid_t f = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  fill(f);
  H5Fclose(f);
}

void string_attr(hid_t obj, const char* name, const char* value) {
  hid_t t = H5Tcopy(H5T_C_S1);
  H5Tset_size(t, H5T_VARIABLE);
  hid_t s = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(obj, name, t, s, H5P_DEFAULT, H5P_DEFAULT);
  H5Awrite(a, t, &value);
  H5Aclose(a);
  H5Sclose(s);
  H5Tclose(t);
}

void expect_one_line_error(const Printed& p, const std::string& path, const std::string& what) {
  EXPECT_EQ(p.rc, 2);
  EXPECT_TRUE(p.out.empty()) << p.out;
  EXPECT_EQ(lines(p.err), 1u) << p.err;
  EXPECT_NE(p.err.find(path), std::string::npos) << p.err;
  EXPECT_NE(p.err.find(what), std::string::npos) << p.err;
}

}  // namespace

// Labels, not names, from the registry; tables aligned; fractions as percent.
TEST(SummaryPrinter, KpiTableOfAGoodResult) {
  namespace o = sovcap::output;
  fixture::TempDir dir;
  std::string path = dir / "r.h5";
  fixture::write_small(path);
  auto p = summary(path);
  ASSERT_EQ(p.rc, 0) << p.err;
  EXPECT_TRUE(p.err.empty()) << p.err;
  for (const std::string s : {"unit-test", "benguerir", "dakhla", "training", "inference", "guelmim"})
    EXPECT_NE(p.out.find(s), std::string::npos) << s << " in\n" << p.out;
  for (const auto* k : o::figures_of(o::Table::kpi))
    if (k->when == o::When::always) {
      EXPECT_NE(p.out.find("  " + std::string(k->label) + " "), std::string::npos) << k->label;
    }
  for (auto t : {o::Table::sites, o::Table::classes})
    for (const auto* c : o::figures_of(t))
      if (c->group != o::Group::identity) {
        EXPECT_NE(p.out.find("  " + std::string(c->label) + " "), std::string::npos) << c->label;
      }
  EXPECT_EQ(p.out.find("jobs_completed"), std::string::npos) << "a raw name instead of a label:\n" << p.out;
  // Groups by meaning in the registry's order; the time simulated under "run", as a duration.
  size_t last = 0;
  for (const std::string g : {"\nservice ", "\nenergy ", "\ncarbon ", "\nnetwork ", "\ncost ", "\nwater ", "\nrun "}) {
    size_t at = p.out.find(g);
    if (g == "\nnetwork ") continue;  // the small result may have no backbone
    ASSERT_NE(at, std::string::npos) << g << " in\n" << p.out;
    EXPECT_GT(at, last) << g;
    last = at;
  }
  EXPECT_EQ(p.out.find("identity"), std::string::npos);
  EXPECT_NE(p.out.find("time simulated  1.0 h\n"), std::string::npos) << "3600 s as a duration:\n" << p.out;
  // The class block: every figure row is as long as the header (right-aligned numbers end together),
  // training first; its wait p95 is 280 s, shown as a duration.
  std::istringstream in(p.out);
  std::string line, header;
  bool seen_p95 = false;
  while (std::getline(in, line)) {
    if (line.rfind("class ", 0) == 0) header = line;
    else if (line.empty()) header.clear();
    else if (!header.empty() && line.rfind("  ", 0) == 0) {
      EXPECT_EQ(line.size(), header.size()) << header << "\n" << line;
      if (line.rfind("  wait p95 ", 0) == 0) {
        seen_p95 = true;
        EXPECT_NE(line.find(" 4 min 40 s"), std::string::npos) << "training wait p95: " << line;
      }
    }
  }
  EXPECT_TRUE(seen_p95) << p.out;
  // Fractions as percent: busy 64k of 256 GPUs for k = 1..4 at benguerir (62.5 %), 32 of 256 at dakhla
  // (12.5 %); both sites 768 of 2048 GPU-steps (37.5 %).
  auto row = [&](const std::string& start) {
    auto at = p.out.find("\n" + start);
    return at == std::string::npos ? std::string() : p.out.substr(at + 1, p.out.find('\n', at + 1) - at - 1);
  };
  // (the spaces between value and unit depend on the group's widest unit)
  const std::string util = row("  GPU utilization ");
  EXPECT_NE(util.find("37.5 "), std::string::npos) << util;
  EXPECT_TRUE(!util.empty() && util.back() == '%') << util;
  EXPECT_NE(row("  GPU util ").find("62.5"), std::string::npos) << row("  GPU util ");
  EXPECT_NE(row("  GPU util ").find("12.5"), std::string::npos) << row("  GPU util ");
}

TEST(SummaryPrinter, JsonParsesWithTheFileValues) {
  if (std::system("/usr/bin/python3 -c 'import json' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no python3";
  fixture::TempDir dir;
  std::string path = dir / "r.h5";
  fixture::write_small(path);
  auto p = summary(path, true);
  ASSERT_EQ(p.rc, 0) << p.err;
  std::ofstream(dir / "s.json") << p.out;
  std::string cmd = "/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); "
                    "print(d[\"kpis\"][\"jobs_submitted\"], d[\"sites\"][1][\"site\"], abs(d[\"classes\"][0][\"wait_p95_s\"] - 280) < 1e-9, "
                    "d[\"schema\"], \"simulated_s\" in d[\"kpis\"])' " + dir / "s.json";
  FILE* f = popen((cmd + " 2>&1").c_str(), "r");
  char buf[256] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  pclose(f);
  std::string got(buf, n);
  EXPECT_EQ(got.substr(0, 14), "6 dakhla True ") << got;
  EXPECT_NE(got.find(std::string(sovcap::output::schema_version) + " True"), std::string::npos)
      << "the schema, and every KPI of /summary (simulated_s was once left out): " << got;
}

TEST(SummaryPrinter, NotAnHdf5File) {
  fixture::TempDir dir;
  std::string path = dir / "notes.txt";
  std::ofstream(path) << "this is not HDF5\n";
  expect_one_line_error(summary(path), path, "not an HDF5 file");
}

TEST(SummaryPrinter, MissingFile) {
  fixture::TempDir dir;
  expect_one_line_error(summary(dir / "nope.h5"), dir / "nope.h5", "no such file");
}

TEST(SummaryPrinter, Hdf5ButNotSovcap) {
  fixture::TempDir dir;
  std::string path = dir / "other.h5";
  make_h5(path, [](hid_t f) { H5Gclose(H5Gcreate2(f, "data", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT)); });
  expect_one_line_error(summary(path), path, "not a sovcap result");
}

TEST(SummaryPrinter, OtherSchemaVersion) {
  fixture::TempDir dir;
  std::string path = dir / "v1.h5";
  make_h5(path, [](hid_t f) { string_attr(f, "schema", "sovcap/1"); });
  expect_one_line_error(summary(path), path, "sovcap/1");
}

TEST(SummaryPrinter, MissingSummaryGroupOrTable) {
  fixture::TempDir dir;
  std::string no_group = dir / "no-summary.h5";
  make_h5(no_group, [](hid_t f) { string_attr(f, "schema", sovcap::output::schema_version); });
  expect_one_line_error(summary(no_group), no_group, "/summary");

  // A real result with /summary/classes removed.
  std::string no_classes = dir / "no-classes.h5";
  fixture::write_small(no_classes);
  hid_t f = H5Fopen(no_classes.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(H5Ldelete(f, "/summary/classes", H5P_DEFAULT), 0);
  H5Fclose(f);
  expect_one_line_error(summary(no_classes), no_classes, "/summary/classes");
}
