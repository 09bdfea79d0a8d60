"""sovcap-plot: every PNG of the dashboard exists, is a PNG, and has its designed pixel size."""
import os

from tooltest import FixtureCase, SITES, run_tool

PANEL, PAIR, WIDE, MAP, DASHBOARD = (1000, 500), (1000, 650), (1200, 700), (800, 900), (1300, 2600)


class PlotTest(FixtureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.out = os.path.join(cls.tmp, "plots")
        cls.result = run_tool("sovcap-plot", cls.run_h5, "-o", cls.out)

    def test_exit_and_progress(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertIn("dashboard", self.result.stderr)  # progress goes to stderr

    def test_expected_files_and_sizes(self):
        expected = {"waits_cdf.png": PANEL, "links_heatmap.png": PANEL, "network_map.png": MAP,
                    "costs.png": PANEL, "water.png": PANEL, "dashboard.png": DASHBOARD}
        for site in SITES:
            expected.update({f"power_{site}.png": WIDE, f"soc_{site}.png": PAIR, f"pue_{site}.png": PANEL,
                             f"gpu_queue_{site}.png": PAIR})
        self.assertEqual(sorted(os.listdir(self.out)), sorted(expected))
        for name, size in expected.items():
            self.assertPng(os.path.join(self.out, name), size)
        listed = self.result.stdout.split()
        self.assertEqual(sorted(os.path.basename(p) for p in listed), sorted(expected))

    def test_default_output_dir_beside_the_run(self):
        r = run_tool("sovcap-plot", self.run_h5, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        self.assertPng(os.path.join(self.tmp, "run-plots", "dashboard.png"), DASHBOARD)


class LongRunPlotTest(FixtureCase):
    """Over 60 days the run view switches to daily means and the zoom to one week."""
    fixture_kwargs = {"days": 70, "step_s": 3600.0, "n_jobs": 200}

    def test_long_run(self):
        out = self.path("plots")
        r = run_tool("sovcap-plot", self.run_h5, "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertPng(os.path.join(out, "power_dakhla.png"), WIDE)
        self.assertPng(os.path.join(out, "dashboard.png"), DASHBOARD)

    def test_representative_week_is_seven_days(self):
        from sovcap_tools import plots
        from sovcap_tools.result import open_result

        with open_result(self.run_h5) as r:
            frame = r.site_frame("dakhla")
        week = plots.representative_week(frame)
        self.assertAlmostEqual((week.index[-1] - week.index[0]).total_seconds(), 7 * 86400, delta=3600)
        self.assertEqual(plots.resample_rule(plots.span_s(frame))[0], "1D")
