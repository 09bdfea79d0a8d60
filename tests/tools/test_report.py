"""sovcap-report: one valid, self-contained HTML page: headline sentences, pictures, then the key figures
with the registry's labels, naming every site."""
import base64
import os
import re
from html.parser import HTMLParser

import h5py

from tooltest import CLASSES, FixtureCase, REGIONS, SITES, png_size, run_tool

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Balance(HTMLParser):
    """Checks that every non-void tag is closed in order; collects text and image sources."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.images, self.text, self.tags = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs).get("src", ""))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


class ReportTest(FixtureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.out = os.path.join(cls.tmp, "sub", "report.html")
        cls.result = run_tool("sovcap-report", cls.run_h5, "-o", cls.out, "-q")
        with open(cls.out, encoding="utf-8") as fh:
            cls.page = fh.read()
        cls.parser = Balance()
        cls.parser.feed(cls.page)
        cls.parser.close()
        cls.text = " ".join(cls.parser.text)

    def test_exit(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)

    def test_valid_balanced_html(self):
        self.assertTrue(self.page.startswith("<!DOCTYPE html>"))
        self.assertEqual(self.parser.errors, [])
        self.assertEqual(self.parser.stack, [])
        for tag in ("html", "head", "title", "body", "table", "img"):
            self.assertIn(tag, self.parser.tags)

    def test_names_every_site_class_and_region(self):
        for name in SITES + CLASSES + REGIONS:
            self.assertIn(name, self.text)
        for site in SITES:  # a column of /summary/sites (turned: one column per site), not only the title
            self.assertRegex(self.page, rf"<th class=\"entity\">{site}</th>")

    def test_kpis_from_the_file(self):
        with h5py.File(self.run_h5, "r") as f:
            submitted = int(f["summary"].attrs["jobs_submitted"])
            scenario = f.attrs["scenario"]
        # Labelled from the registry (the name stays as the row's tooltip).
        self.assertRegex(self.page, rf"<th title=\"jobs_submitted\">jobs submitted</th><td class=\"num\">{submitted:,}</td>")
        self.assertIn(scenario, self.text)
        with h5py.File(self.run_h5, "r") as f:
            names = [k for k in f["summary"].attrs if k != "units"]
        for name in names:  # every KPI of the file, under its label
            self.assertTrue(f"<th title=\"{name}\">" in self.page, name)
        self.assertFalse("<th>jobs_submitted</th>" in self.page)

    def test_headline_sentences_then_pictures_then_tables(self):
        with h5py.File(self.run_h5, "r") as f:
            done, submitted = int(f["summary"].attrs["jobs_completed"]), int(f["summary"].attrs["jobs_submitted"])
            share = float(f["summary"].attrs["renewable_fraction"])
        headline = re.search(r"<p class=\"headline\">(.*?)</p>", self.page).group(1)
        self.assertIn(f"{done:,} of {submitted:,} jobs completed", headline)
        self.assertIn(f"{100 * share:.1f} %", headline)  # fractions as percent
        self.assertLess(self.page.index("class=\"headline\""), self.page.index("<h2>Pictures</h2>"))
        self.assertLess(self.page.index("<h2>Pictures</h2>"), self.page.index("<h2>Key figures</h2>"))
        for group in ("service", "energy", "carbon"):  # grouped by meaning
            self.assertTrue(f"<caption>{group}</caption>" in self.page, f"<caption>{group}</caption>")

    def test_images_are_inline_pngs(self):
        self.assertEqual(len(self.parser.images), 4 * len(SITES) + 6)  # + costs and water
        for src in self.parser.images:
            self.assertTrue(src.startswith("data:image/png;base64,"), src[:40])
            data = base64.b64decode(src.split(",", 1)[1])
            path = os.path.join(self.tmp, "img.png")
            with open(path, "wb") as fh:
                fh.write(data)
            width, height = png_size(path)
            self.assertGreater(width * height, 0)
        self.assertIsNone(re.search(r"src=\"(?!data:)", self.page))  # nothing fetched from outside

    def test_dashboard_first_with_a_contents_list(self):
        ids = re.findall(r"<figure id=\"([^\"]+)\"", self.page)
        self.assertEqual(ids[0], "dashboard.png")
        for name in ids:
            self.assertTrue(f"<a href=\"#{name}\">" in self.page, f"<a href=\"#{name}\">")

    def test_numbers_read_plainly(self):
        tables = self.page.split("<h2>Key figures</h2>")[1]
        self.assertIsNone(re.search(r">-?\d\.\d+e[+-]\d+<", tables))  # 3,889,707, not 3.89e+06
        with h5py.File(self.run_h5, "r") as f:
            seed = int(f.attrs["seed"])
            wait = float(f["summary"].attrs["wait_mean_s"])
            days = float(f.attrs["duration_s"]) / 86400
        run = self.page.split("<h2>Run</h2>")[1]
        self.assertIn(f"seed {seed}:", run)  # an id: no separators
        self.assertIn(f"{days:.1f} days from", run)
        # Waits as durations (the registry's format), not a number of seconds; the unit is in the text.
        from sovcap_tools.registry import duration_text
        row = (f"<th title=\"wait_mean_s\">wait, mean</th><td class=\"num\">{duration_text(wait)}</td>"
               f"<td class=\"unit\"></td>")
        self.assertTrue(row in self.page, row)

    def test_wide_tables_are_turned(self):
        """/summary/sites has more columns than a page is wide: one column per site instead."""
        for name in ("sites", "classes", "regions"):
            self.assertTrue(f"<table class=\"turned\" data-table=\"{name}\">" in self.page, f"<table class=\"turned\" data-table=\"{name}\">")
        self.assertEqual(self.page.count("<div class=\"scroll\">"), self.page.count("<table class=\"turned\""))


class Cells(HTMLParser):
    """The text of every table's row headers (th in tbody), captions, and where tables and images start."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.where, self.row_labels, self.captions, self.order = [], [], [], []
        self.in_tbody = False

    def handle_starttag(self, tag, attrs):
        self.where.append(tag)
        if tag == "tbody":
            self.in_tbody = True
        if tag in ("img", "table"):
            self.order.append(tag)

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_tbody = False
        while self.where and self.where.pop() != tag:
            pass

    def handle_data(self, data):
        if self.where and self.where[-1] == "th" and self.in_tbody:
            self.row_labels.append(data.strip())
        if self.where and self.where[-1] == "caption":
            self.captions.append(data.strip())


class ReportStructureTest(FixtureCase):
    """What a reader meets, in order: plain sentences of the headline results, the pictures, then the key
    figures grouped by meaning in the registry's order, under labels, never the variables' names."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.out = os.path.join(cls.tmp, "report.html")
        r = run_tool("sovcap-report", cls.run_h5, "-o", cls.out, "-q")
        assert r.returncode == 0, r.stderr
        with open(cls.out, encoding="utf-8") as fh:
            cls.page = fh.read()
        cls.cells = Cells()
        cls.cells.feed(cls.page)
        from sovcap_tools import registry
        cls.registry = registry

    def test_opens_with_plain_sentences(self):
        body = self.page.split("<body>")[1]
        first = re.search(r"<p class=\"headline\">(.*?)</p>", body)
        self.assertIsNotNone(first)
        self.assertLess(first.start(), body.index("<h2>"), "the sentences come before any section")
        sentences = [x for x in re.split(r"(?<=\.) ", first.group(1)) if x]
        self.assertGreaterEqual(len(sentences), 4, first.group(1))
        for s in sentences:
            self.assertRegex(s, r"^[A-Z0-9].*\.$")  # sentences, not a list of figures
            self.assertIsNone(re.search(r"\b[a-z]+_[a-z_0-9]+\b", s), f"a variable name in: {s}")
        with h5py.File(self.run_h5, "r") as f:
            k = f["summary"].attrs
            p50, npc = float(k["wait_p50_s"]), float(k["npc_usd"])
        self.assertIn(f"waited {self.registry.duration_text(p50)} or less", first.group(1))
        self.assertIn("net present cost", first.group(1))

    def test_pictures_before_tables(self):
        order = self.cells.order
        self.assertIn("img", order)
        self.assertEqual(order.index("table"), order.count("img"), "every picture comes before the first table")

    def test_kpi_groups_in_the_registrys_order(self):
        groups = self.registry.groups()
        shown = re.findall(r"<table class=\"kv\" data-group=\"(\w+)\">", self.page)
        self.assertGreaterEqual(len(shown), 5)
        self.assertEqual(shown, [g for g in groups if g in shown])
        for table in ("sites", "classes", "regions"):
            block = self.page.split(f"data-table=\"{table}\">")[1].split("</table>")[0]
            rows = re.findall(r"<tr class=\"group\"><th colspan=\"\d+\">(\w+)</th>", block)
            self.assertEqual(rows, [g for g in groups if g in rows], table)
            self.assertIn("service", rows)

    def test_no_variable_names_as_row_labels(self):
        declared = {f["name"] for t in ("kpi", "sites", "classes", "regions") for f in self.registry.figures(t)}
        labels = [x for x in self.cells.row_labels if x]
        self.assertGreater(len(labels), 100)
        names = [x for x in labels if x in declared and "_" in x]
        self.assertEqual(names, [], "row labelled with a variable's name instead of its label")
        self.assertIsNone(re.search(r"<th>\w+_\w+</th>", self.page))

    def test_fractions_as_percent(self):
        with h5py.File(self.run_h5, "r") as f:
            share = float(f["summary"].attrs["renewable_fraction"])
        row = (f"<th title=\"renewable_fraction\">renewable share</th><td class=\"num\">{100 * share:.1f}</td>"
               f"<td class=\"unit\">%</td>")
        self.assertTrue(row in self.page, row)


class EntityBlocksTest(FixtureCase):
    """Many regions side by side would run off the page: tables of at most report.PER_TABLE, of even size."""

    def test_twelve_regions_in_three_tables_of_four(self):
        import pandas as pd
        from sovcap_tools import report
        frame = pd.DataFrame({"region": [f"region-{i}" for i in range(12)], "jobs_submitted": range(12),
                              "wait_p95_s": [60.0 * i for i in range(12)]})
        page = report.entity_tables(frame, "regions", {}, "per region")
        self.assertEqual(page.count("<table"), 3)
        self.assertEqual(page.count("<th class=\"entity\">"), 12)
        self.assertIn("per region, 5-8 of 12", page)
        self.assertIn("<td class=\"num\">11 min</td>", page)  # wait p95 of region 11: 660 s
        one = report.entity_tables(frame.iloc[:5], "regions", {}, "per region")
        self.assertEqual(one.count("<table"), 1)
        self.assertIn("<caption>per region</caption>", one)
