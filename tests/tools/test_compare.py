"""sovcap-compare: both runs' KPIs side by side, differences, CSV and overlaid series."""
import csv
import os

import h5py

from tooltest import FixtureCase, SITES, make_fixture, run_tool


class CompareTest(FixtureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = os.path.join(cls.tmp, "other.h5")
        make_fixture(cls.other, seed=11)
        cls.out = os.path.join(cls.tmp, "cmp")
        cls.result = run_tool("sovcap-compare", cls.run_h5, cls.other, "-o", cls.out, "-q")

    def kpi(self, path, name):
        with h5py.File(path, "r") as f:
            return f["summary"].attrs[name]

    def test_table_shows_both_runs(self):
        r = self.result
        self.assertEqual(r.returncode, 0, r.stderr)
        header = r.stdout.splitlines()[0].split()
        self.assertEqual(header[:4], ["kpi", "unit", "run", "other"])
        rows = {line.split()[0]: line.split() for line in r.stdout.splitlines()[2:]}
        a, b = int(self.kpi(self.run_h5, "jobs_submitted")), int(self.kpi(self.other, "jobs_submitted"))
        self.assertNotEqual(a, b, "two seeds, two workloads")
        self.assertEqual(rows["jobs_submitted"][2:5], [f"{a:,}", f"{b:,}", f"{b - a:+,}".lstrip("+")])
        self.assertAlmostEqual(float(rows["jobs_submitted"][5]), 100.0 * (b - a) / a, places=1)
        for name in ("energy_it_mwh", "renewable_fraction", "wait_p95_s"):
            a, b = float(self.kpi(self.run_h5, name)), float(self.kpi(self.other, name))
            self.assertAlmostEqual(float(rows[name][2]), a, delta=abs(a) * 1e-5)
            self.assertAlmostEqual(float(rows[name][3]), b, delta=abs(b) * 1e-5)
        for site in SITES:
            self.assertIn(f"site.{site}.energy_facility_mwh", rows)

    def test_csv_matches_the_files(self):
        with open(os.path.join(self.out, "kpis.csv")) as fh:
            rows = {r["kpi"]: r for r in csv.DictReader(fh)}
        a, b = float(self.kpi(self.run_h5, "carbon_t")), float(self.kpi(self.other, "carbon_t"))
        self.assertAlmostEqual(float(rows["carbon_t"]["run"]), a)
        self.assertAlmostEqual(float(rows["carbon_t"]["delta other"]), b - a)
        self.assertEqual(rows["carbon_t"]["unit"], "t")

    def test_overlay_pngs(self):
        for site in SITES:
            self.assertPng(os.path.join(self.out, f"compare_{site}.png"), (1200, 700))

    def test_one_file_is_usage_error(self):
        r = run_tool("sovcap-compare", self.run_h5, "-o", self.path("one"))
        self.assertEqual(r.returncode, 2)
        self.assertFalse(os.path.exists(self.path("one")))
