"""sovcap-compare: both runs' KPIs side by side, differences, CSV and overlaid series."""
import csv
import os
import re

import h5py

from tooltest import FixtureCase, SITES, make_fixture, run_tool

from sovcap_tools import registry


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

    def rows(self):
        """{(section, label): [unit, run, other, change, %]} from the printed table (columns from the dashes)."""
        lines = self.result.stdout.splitlines()
        spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[1])]
        out, section = {}, None
        for line in lines[2:]:
            if not line.startswith(" "):
                section = line
            elif line.startswith("    "):
                cells = [line[a:b].strip() for a, b in spans]
                out[(section, cells[0])] = cells[1:]
        return out

    def test_table_shows_both_runs(self):
        r = self.result
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines()[0].split(), ["figure", "unit", "run", "other", "change", "other", "%",
                                                            "other"])
        rows = self.rows()
        a, b = int(self.kpi(self.run_h5, "jobs_submitted")), int(self.kpi(self.other, "jobs_submitted"))
        self.assertNotEqual(a, b, "two seeds, two workloads")
        unit, ra, rb, change, pct = rows[("whole run", "jobs submitted")]
        self.assertEqual([unit, ra, rb, change], ["", f"{a:,}", f"{b:,}", f"{b - a:+,}"])
        self.assertAlmostEqual(float(pct), 100.0 * (b - a) / a, places=1)
        # Labels and units from the registry; fractions as percent, waits as durations.
        fa, fb = float(self.kpi(self.run_h5, "renewable_fraction")), float(self.kpi(self.other, "renewable_fraction"))
        unit, ra, rb, change, _ = rows[("whole run", "renewable share")]
        self.assertEqual([unit, ra, rb], ["%", f"{100 * fa:.1f}", f"{100 * fb:.1f}"])
        self.assertAlmostEqual(float(change), 100 * (fb - fa), delta=0.051)  # in percentage points
        wait = float(self.kpi(self.run_h5, "wait_p95_s"))
        self.assertEqual(rows[("whole run", "wait, 95th percentile")][1], registry.duration_text(wait))
        ea = float(self.kpi(self.run_h5, "energy_it_mwh"))
        self.assertEqual(rows[("whole run", "IT energy")][:2], ["MWh", f"{ea:,.1f}"])
        for site in SITES:
            self.assertIn((f"site {site}", "facility"), rows)
        self.assertNotIn("jobs_submitted", r.stdout)  # names stay in the CSV
        # Grouped by meaning, in the registry's order.
        headings = [line.strip() for line in r.stdout.splitlines()
                    if line.startswith("  ") and not line.startswith("    ")]
        whole = headings[:headings.index("service", 1)] if headings.count("service") > 1 else headings
        whole = ["identity" if h == "run" else h for h in whole]  # the time simulated, under "run"
        self.assertEqual(whole, [g for g in registry.groups() if g in whole])

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
