"""sovcap-sweep-plot on synthetic sweep summaries (CSV and HDF5 /points)."""
import os
import unittest

import h5py
import numpy as np
import pandas as pd

from tooltest import TempDirCase, png_size, run_tool
from sovcap_tools import sweep

X, Y = "param.sites.dakhla.battery_mwh", "param.sites.dakhla.solar_mw"


def synthetic(rng):
    rows, point = [], 0
    for b in (0, 100, 200, 400):
        for s in (200, 300, 500):
            for seed in range(3):
                rows.append({"point": point, "seed": seed, "status": "ok", X: b, Y: s,
                             "renewable_fraction": min(1.0, 0.3 + b / 1000 + s / 1000 + rng.normal(0, 0.01)),
                             "wait_p95_s": 1000 + 2 * b - s + rng.normal(0, 20)})
            point += 1
    frame = pd.DataFrame(rows)
    frame.loc[5, "status"] = "failed"
    frame.loc[5, "wait_p95_s"] = np.nan
    return frame


class SweepPlotTest(TempDirCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.frame = synthetic(np.random.default_rng(3))
        cls.csv = os.path.join(cls.tmp, "summary.csv")
        cls.frame.to_csv(cls.csv, index=False)

    def check_outputs(self, out):
        for name in ("renewable_fraction_vs_sites.dakhla.battery_mwh.png",
                     "renewable_fraction_sites.dakhla.battery_mwh_sites.dakhla.solar_mw.png",
                     "pareto_renewable_fraction_wait_p95_s.png"):
            path = os.path.join(out, name)
            self.assertTrue(os.path.isfile(path), name)
            self.assertGreater(os.path.getsize(path), 1000)
            self.assertEqual(png_size(path), (1000, 500))

    def test_csv(self):
        out = os.path.join(self.tmp, "csv-out")
        r = run_tool("sovcap-sweep-plot", self.csv, "--x", "sites.dakhla.battery_mwh", "--y", Y,
                     "--kpi", "renewable_fraction", "--kpi2", "wait_p95_s", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_outputs(out)
        self.assertIn("left out 1 of 36 rows", r.stderr)
        front = pd.read_csv(os.path.join(out, "pareto_renewable_fraction_wait_p95_s.csv"))
        # Brute force over the point means: a front point is dominated by no other point.
        ok = self.frame[self.frame["status"] == "ok"]
        means = ok.groupby("point")[["renewable_fraction", "wait_p95_s"]].mean()
        for p, row in means.iterrows():
            better = means[(means.renewable_fraction >= row.renewable_fraction) & (means.wait_p95_s <= row.wait_p95_s) &
                           ((means.renewable_fraction > row.renewable_fraction) | (means.wait_p95_s < row.wait_p95_s))]
            self.assertEqual(p in set(front["point"]), better.empty, f"point {p}")

    def test_hdf5_points_table(self):
        path = os.path.join(self.tmp, "summary.h5")
        frame = self.frame.copy()
        records = np.zeros(len(frame), dtype=[("point", "i8"), ("seed", "i8"), ("status", "S8"), (X, "f8"), (Y, "f8"),
                                              ("renewable_fraction", "f8"), ("wait_p95_s", "f8")])
        for name in records.dtype.names:
            records[name] = frame[name].to_numpy().astype(records.dtype[name])
        with h5py.File(path, "w") as f:
            f.create_dataset("points", data=records)
        out = os.path.join(self.tmp, "h5-out")
        r = run_tool("sovcap-sweep-plot", path, "--x", X, "--y", Y, "--kpi", "renewable_fraction",
                     "--kpi2", "wait_p95_s", "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_outputs(out)

    def test_unknown_names_are_one_line_errors(self):
        out = os.path.join(self.tmp, "bad-out")
        for args in (["--x", "nope", "--kpi", "renewable_fraction"], ["--x", X, "--kpi", "nope"]):
            r = run_tool("sovcap-sweep-plot", self.csv, *args, "-o", out)
            self.assertEqual(r.returncode, 2)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn("nope", r.stderr)
        self.assertFalse(os.path.exists(out))

    def test_pareto_mask_against_brute_force(self):
        rng = np.random.default_rng(5)
        a, b = rng.random(60), rng.random(60)
        for sa, sb in (("min", "min"), ("max", "min"), ("max", "max")):
            mask = sweep.pareto_mask(a, b, sa, sb)
            ka, kb = (a if sa == "min" else -a), (b if sb == "min" else -b)
            for i in range(len(a)):
                dominated = any(ka[j] <= ka[i] and kb[j] <= kb[i] and (ka[j] < ka[i] or kb[j] < kb[i])
                                for j in range(len(a)))
                self.assertEqual(mask[i], not dominated)

    def test_default_sense(self):
        self.assertEqual(sweep.default_sense("renewable_fraction"), "max")
        self.assertEqual(sweep.default_sense("wait_p95_s"), "min")


class SweepLabelsTest(unittest.TestCase):
    """Axes say the registry's label and unit, and a fraction is drawn as percent (the front's CSV keeps the
    file's values)."""

    @classmethod
    def setUpClass(cls):
        cls.frame = sweep.usable(synthetic(np.random.default_rng(5)), ["renewable_fraction", "wait_p95_s"],
                                 verbose=False)

    def tearDown(self):
        sweep.style.plt.close("all")

    def test_labels_from_the_registry(self):
        self.assertEqual(sweep.kpi_label("renewable_fraction"), "renewable share (%)")
        self.assertEqual(sweep.kpi_label("wait_p95_s"), "wait, 95th percentile (s)")
        self.assertEqual(sweep.kpi_label("dakhla.carbon_t"), "dakhla: carbon (t)")
        self.assertEqual(sweep.kpi_label("not_declared_x"), "not_declared_x")

    def test_fraction_drawn_as_percent(self):
        one = self.frame[self.frame[Y] == 300]  # one line: the means over seeds against X
        fig = sweep.kpi_vs_param(one, X, "renewable_fraction")
        ax = fig.axes[0]
        self.assertEqual(ax.get_ylabel(), "renewable share (%)")
        means = one.groupby(X)["renewable_fraction"].mean().sort_index()
        drawn = np.asarray(ax.lines[0].get_ydata(), dtype=float)  # the errorbar's line: the means, in percent
        np.testing.assert_allclose(drawn, 100 * means.to_numpy(), rtol=1e-12)

    def test_pareto_front_csv_keeps_fractions(self):
        fig, front = sweep.pareto(self.frame, "renewable_fraction", "wait_p95_s", "max", "min")
        self.assertTrue((front["renewable_fraction"] <= 1.0).all())
        xs = fig.axes[0].collections[1].get_offsets()[:, 0]  # the front's dots
        np.testing.assert_allclose(sorted(xs), sorted(100 * front["renewable_fraction"]), rtol=1e-12)
        self.assertTrue(fig.axes[0].get_xlabel().startswith("renewable share (%)"))
