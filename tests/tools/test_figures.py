"""The dashboard's pictures in detail: map names that do not overlap (also for nodes a few km apart),
long runs drawn as bin means (not sample by sample), the battery week matching the power week,
sites without a battery named, consistent site colours, the key figures, the dashboard's weight."""
import os
import re
import unittest

import numpy as np
import pandas as pd

from tooltest import FixtureCase, run_tool, png_size

from sovcap_tools import figures, plots, style  # noqa: E402  (tooltest puts tools/ on sys.path)


class FakeNetwork:
    """Just what network_map reads: the Moroccan nodes that crowd (benguerir/marrakech 45 km apart,
    dakhla/dakhla-city 2 km apart) and a few links."""

    NODES = [("tanger", "region", 35.76, -5.83), ("rabat", "region", 34.02, -6.84),
             ("casablanca", "region", 33.57, -7.59), ("fes", "region", 34.03, -5.0),
             ("beni-mellal", "region", 32.34, -6.35), ("marrakech", "region", 31.63, -7.98),
             ("agadir", "region", 30.43, -9.6), ("dakhla-city", "region", 23.68, -15.96),
             ("safi", "router", 32.3, -9.24), ("benguerir", "site", 32.22, -7.94), ("dakhla", "site", 23.72, -15.93)]
    LINKS = [("rabat-casablanca", "rabat", "casablanca"), ("casablanca-benguerir", "casablanca", "benguerir"),
             ("benguerir-marrakech", "benguerir", "marrakech"), ("marrakech-agadir", "marrakech", "agadir"),
             ("agadir-dakhla", "agadir", "dakhla"), ("dakhla-city-dakhla", "dakhla-city", "dakhla"),
             ("fes-beni-mellal", "fes", "beni-mellal"), ("beni-mellal-benguerir", "beni-mellal", "benguerir")]

    def __init__(self):
        self.links = [name for name, _, _ in self.LINKS]

    def nodes(self):
        return pd.DataFrame(self.NODES, columns=["id", "kind", "latitude_deg", "longitude_deg"])

    def topo_links(self):
        return pd.DataFrame(self.LINKS, columns=["id", "a", "b"])

    def link_series(self, link, metric, required=True):
        return np.full(10, 5.0 + self.links.index(link))


def label_boxes(ax):
    renderer = ax.figure.canvas.get_renderer()
    return {t.get_text(): t.get_window_extent(renderer) for t in ax.texts if t.get_text() and
            t.get_text() in {n[0] for n in FakeNetwork.NODES}}


class MapLabelTest(unittest.TestCase):
    def check(self, size, dpi=style.DPI):
        fig = style.new_figure(size, dpi=dpi)
        ax = fig.add_subplot()
        plots.network_map(ax, FakeNetwork())
        plots.finish(fig)
        boxes = label_boxes(ax)
        named = {n[0] for n in FakeNetwork.NODES if n[1] != "router"}
        self.assertEqual(set(boxes), named)  # every institute and site named, routers not
        frame = ax.get_window_extent(fig.canvas.get_renderer())
        items = sorted(boxes.items())
        for i, (a, box_a) in enumerate(items):
            self.assertTrue(frame.x0 - 1 <= box_a.x0 and box_a.x1 <= frame.x1 + 1, f"{a} leaves the map")
            for b, box_b in items[i + 1:]:
                self.assertFalse(box_a.overlaps(box_b), f"labels {a} and {b} overlap")
        style.plt.close(fig)

    def test_crowded_names_do_not_overlap_on_the_map_png(self):
        self.check(style.SIZE_MAP)

    def test_crowded_names_do_not_overlap_on_the_dashboard_scale(self):
        self.check((5, 5), dpi=style.DASHBOARD_DPI)


class FakeCosts:
    """Just what cost_breakdown reads: /summary/sites with capital by asset and cost per GPU-hour."""

    def __init__(self, with_costs=True):
        self.f = {"/summary/sites": True}
        cols = {"site": ["benguerir", "dakhla"]}
        if with_costs:
            cols.update({"capital_usd": [3e9, 22e9], "capital_solar_usd": [1e9, 2e9], "capital_wind_usd": [0.0, 4e9],
                         "capital_gpu_servers_usd": [2e9, 16e9], "cost_per_gpu_hour_usd": [1.86, 2.11]})
        self.frame = pd.DataFrame(cols)

    def table(self, path):
        return self.frame


class CostWaterTest(unittest.TestCase):
    def test_capital_stacked_by_asset_with_the_cost_per_gpu_hour(self):
        fig = style.new_figure(style.SIZE_PANEL)
        ax = fig.add_subplot()
        plots.cost_breakdown(ax, FakeCosts())
        # one segment per asset and site, in million USD (benguerir's wind is an empty segment)
        widths = sorted(round(p.get_width()) for p in ax.patches)
        self.assertEqual(widths, [0, 1000, 2000, 2000, 4000, 16000])
        texts = [t.get_text().strip() for t in ax.texts]
        self.assertIn("1.86 USD/GPU-h", texts)
        self.assertIn("2.11 USD/GPU-h", texts)
        style.plt.close(fig)

    def test_no_costs_says_so(self):
        fig = style.new_figure(style.SIZE_PANEL)
        ax = fig.add_subplot()
        plots.cost_breakdown(ax, FakeCosts(with_costs=False))
        self.assertEqual(len(ax.patches), 0)
        self.assertTrue(any("no cost figures" in t.get_text() for t in ax.texts))
        style.plt.close(fig)

    def test_water_per_day_is_the_daily_mean_rate_times_24(self):
        t = pd.date_range("2030-07-01", periods=3 * 96, freq="15min")
        rate = np.where(np.arange(len(t)) % 96 < 48, 10.0, 0.0)  # 10 m3/h for 12 h a day: 120 m3/day
        frames = {"dakhla": pd.DataFrame({"water_m3_per_h": rate}, index=t),
                  "benguerir": pd.DataFrame({"water_m3_per_h": np.zeros(len(t))}, index=t)}
        fig = style.new_figure(style.SIZE_PANEL)
        ax = fig.add_subplot()
        plots.water_use(ax, frames, wue={"dakhla": 0.1})
        self.assertEqual(len(ax.lines), 1)  # a site without water is left out
        np.testing.assert_allclose(ax.lines[0].get_ydata(), [120.0, 120.0, 120.0])
        self.assertIn("WUE 0.10 L/kWh", ax.get_legend().get_texts()[0].get_text())
        style.plt.close(fig)


class BandTest(unittest.TestCase):
    def year(self, battery=True):
        t = pd.date_range("2030-01-01", periods=365 * 96, freq="15min")
        day = np.sin(2 * np.pi * np.arange(len(t)) / 96)
        return pd.DataFrame({"battery_soc_mwh": (1000 + 800 * day) if battery else np.zeros(len(t)),
                             "busy_gpus": 50 + 40 * day, "total_gpus": np.full(len(t), 100.0),
                             "queued_jobs": 10 + 10 * day, "facility_power_mw": 100 + day}, index=t)

    def test_year_is_drawn_as_daily_bins_not_samples(self):
        fig = style.new_figure(style.SIZE_PAIR)
        ax1, ax2 = fig.subplots(2, 1)
        plots.gpu_and_queue((ax1, ax2), {"dakhla": self.year()})
        for ax in (ax1, ax2):
            self.assertLessEqual(max(len(line.get_xdata()) for line in ax.lines), 366)
        self.assertAlmostEqual(np.nanmean(ax1.lines[0].get_ydata()), 50.0, delta=0.5)
        style.plt.close(fig)

    def test_battery_week_and_sites_without_battery(self):
        frames = {"benguerir": self.year(battery=False), "dakhla": self.year()}
        colours = style.site_colours(frames)
        week = plots.representative_week(plots.total_frame(frames))
        fig = style.new_figure(style.SIZE_PANEL)
        ax = fig.add_subplot()
        plots.soc(ax, frames, colours, week=(week.index[0], week.index[-1]))
        self.assertEqual(len(ax.lines), 1)  # only dakhla has a battery
        self.assertEqual(ax.lines[0].get_color(), colours["dakhla"])
        x = ax.lines[0].get_xdata()
        self.assertEqual(len(x), len(week))  # every sample of the same week as the power panel
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        self.assertIn("(no battery: benguerir)", labels)
        style.plt.close(fig)

    def test_site_colours_are_stable_and_distinct_from_sources(self):
        colours = style.site_colours(["benguerir", "dakhla", "x"])
        self.assertEqual(colours, style.site_colours(["benguerir", "dakhla", "x"]))
        self.assertEqual(len(set(colours.values())), 3)
        self.assertFalse(set(colours.values()) & set(style.SOURCE_COLOURS.values()))


class KpiTest(unittest.TestCase):
    def test_durations(self):
        # The rules `sovcap summary` follows (tests/output/figure_text_test.cpp holds the same cases).
        for seconds, text in ((12, "12 s"), (600, "10 min"), (126798, "35.2 h"), (3 * 86400, "3.0 days"),
                              (695.1, "11 min 35 s"), (20015.3, "5.6 h"), (31536000, "365.0 days"), (8.0, "8.0 s"),
                              (0, "0.0 s"), (280, "4 min 40 s"), (-90, "-1 min 30 s"), (-0.04, "0.0 s"), (9.94, "9.9 s"), (9.96, "10 s"),
                              (59.4, "59 s"), (59.6, "1 min"), (3599.4, "59 min 59 s"), (3599.6, "1.0 h"),
                              (2 * 86400 - 1, "48.0 h"), (2 * 86400, "2.0 days"), (float("nan"), "—")):
            self.assertEqual(figures.duration_text(seconds), text, seconds)

    def test_values_as_the_registry_says(self):
        from sovcap_tools import registry
        for fmt, v, text in (("fixed1", 3443234.44, "3,443,234"), ("fixed1", 99999.94, "99,999.9"),
                             ("fixed1", 100000.0, "100,000"), ("fixed1", -250000.4, "-250,000"),
                             ("fixed2", 123456.789, "123,457"), ("fixed1", 999.96, "1,000.0"),
                             ("fixed1", -1234.56, "-1,234.6"), ("fixed1", -0.04, "0.0"), ("fixed2", 1.1249, "1.12"),
                             ("fixed3", 0.0754, "0.075"), ("count", 2398953390.0, "2,398,953,390"),
                             ("percent", 0.8631, "86.3"), ("percent", 1.0, "100.0"), ("duration", 695.1, "11 min 35 s")):
            self.assertEqual(registry.format_value({"format": fmt}, v), text, (fmt, v))

    def test_key_figures_in_columns(self):
        """Every KPI in the dashboard's panel, columns of about equal length, no heading at a column's foot."""
        from sovcap_tools import registry
        kpis = {f["name"]: 1.0 for f in registry.figures("kpi")}
        rows = figures.kpi_lines(kpis)
        blocks = figures.kpi_columns(rows, 3)
        self.assertEqual(len(blocks), 3)
        self.assertEqual([r for b in blocks for r in b], rows)  # nothing lost, nothing reordered
        for b in blocks:
            self.assertIsNotNone(b[-1][1], f"a heading ends a column: {b[-1]}")
        lengths = [len(b) for b in blocks]
        self.assertLessEqual(max(lengths) - min(lengths), 2 * 4 + 1)
        shown = {label for label, value in rows if value is not None}
        for f in registry.figures("kpi"):
            if f["group"] != "identity":
                self.assertIn(f["label"], shown)

    def test_key_figures(self):
        lines = figures.kpi_lines({"energy_facility_mwh": 3889707.4, "energy_it_mwh": 3387812.6,
                                   "renewable_fraction": 0.8336, "jobs_completed": 432561,
                                   "jobs_submitted": 436715, "wait_p50_s": 12.0, "wait_p95_s": 126798.0})
        rows = dict(lines)
        # Labels from the registry (`sovcap schema --json`), values in its formats.
        self.assertEqual(rows["facility energy"], "3,890 GWh")
        self.assertEqual(rows["IT energy"], "3,388 GWh")
        self.assertEqual(rows["renewable share"], "83.4 %")
        self.assertEqual(rows["jobs completed"], "432,561")
        self.assertEqual(rows["wait, median"], "12 s")
        self.assertEqual(rows["wait, 95th percentile"], "35.2 h")
        self.assertIsNone(rows["carbon"])  # "carbon" is the group heading only: carbon_t is missing, not invented
        # Grouped by meaning, in the registry's order: service before energy before carbon.
        headings = [label for label, value in lines if value is None]
        self.assertEqual(headings, ["service", "energy", "carbon"])
        self.assertLess(lines.index(("service", None)), lines.index(("jobs completed", "432,561")))

    def test_an_undeclared_kpi_still_shows_under_its_name(self):
        # A name no registry declares (water_m3, the old example here, is now declared).
        rows = dict(figures.kpi_lines({"jobs_submitted": 10, "not_a_declared_kpi_x": 12.5}))
        self.assertIn("not_a_declared_kpi_x", rows)


class SummaryAgreesTest(FixtureCase):
    """`sovcap summary` (C++) and the tools (registry.format_value) show every KPI of a real result alike."""

    def test_every_kpi_reads_the_same(self):
        import subprocess
        import h5py
        from sovcap_tools import registry
        out = subprocess.run([registry.sovcap_binary(), "summary", self.run_h5], capture_output=True, text=True,
                             check=True).stdout
        with h5py.File(self.run_h5, "r") as f:
            kpis = {k: float(v) for k, v in f["summary"].attrs.items() if k != "units"}
        checked = 0
        for name, v in kpis.items():
            f = registry.figure("kpi", name)
            text = registry.format_value(f, v).replace("—", "-")
            unit = registry.shown_unit(f)
            line = next(x for x in out.splitlines() if x.startswith(f"  {f['label']}  "))
            self.assertRegex(line, rf"\s{re.escape(text)}(\s+{re.escape(unit)})?$" if unit else
                             rf"\s{re.escape(text)}$", name)
            checked += 1
        self.assertGreater(checked, 40)


class DashboardFileTest(FixtureCase):
    """A long run's dashboard: designed pixel size, a palette PNG well under the README budget."""
    fixture_kwargs = {"days": 70, "step_s": 900.0, "n_jobs": 300}

    def test_dashboard_weight(self):
        out = self.path("plots")
        r = run_tool("sovcap-plot", self.run_h5, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("site benguerir (1/2)", r.stderr)  # progress per site
        path = os.path.join(out, "dashboard.png")
        self.assertEqual(png_size(path), (1300, 2600))
        self.assertLess(os.path.getsize(path), 400_000)
        with open(path, "rb") as fh:
            head = fh.read(26)
        self.assertEqual(head[25], 3)  # IHDR colour type 3: indexed colour (a 256-colour palette)
        # It says which run it shows: the check of docs/dashboard.png (tools/update-doc-figures) reads this.
        import json
        import h5py
        with open(path, "rb") as fh:
            shown = json.loads(style.png_texts(fh.read())[figures.KPI_TEXT])
        with h5py.File(self.run_h5, "r") as f:
            kpis = {k: float(v) for k, v in f["summary"].attrs.items() if k != "units"}
            seed = int(f.attrs["seed"])
        self.assertEqual(shown["seed"], seed)
        self.assertEqual(set(shown["kpis"]), set(kpis))
        for k, v in kpis.items():
            self.assertTrue(shown["kpis"][k] == v or (v != v and shown["kpis"][k] != shown["kpis"][k]), k)

    def test_png_text_round_trip(self):
        from PIL import Image
        import io
        fig = style.new_figure((2, 1))
        fig.png_text = {"sovcap:test": "é {\"a\": 1.5}"}
        data = style.png_data(fig)
        self.assertEqual(style.png_texts(data)["sovcap:test"], "é {\"a\": 1.5}")
        image = Image.open(io.BytesIO(data))
        image.load()  # CRCs checked: a well-formed PNG
        self.assertEqual(image.text["sovcap:test"], "é {\"a\": 1.5}")


if __name__ == "__main__":
    unittest.main()
