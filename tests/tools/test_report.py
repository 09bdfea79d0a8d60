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
            self.assertIn(f"<th title=\"{name}\">", self.page)
        self.assertNotIn("<th>jobs_submitted</th>", self.page)

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
            self.assertIn(f"<caption>{group}</caption>", self.page)

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
            self.assertIn(f"<a href=\"#{name}\">", self.page)

    def test_numbers_read_plainly(self):
        tables = self.page.split("<h2>Key figures</h2>")[1]
        self.assertIsNone(re.search(r">-?\d\.\d+e[+-]\d+<", tables))  # 3,889,707, not 3.89e+06
        with h5py.File(self.run_h5, "r") as f:
            seed = int(f.attrs["seed"])
        self.assertIn(f"<th>seed</th><td class=\"num\">{seed}</td>", self.page)  # an id: no separators

    def test_wide_tables_are_turned(self):
        """/summary/sites has more columns than a page is wide: one column per site instead."""
        self.assertIn("<table class=\"turned\">", self.page)
        self.assertIn("<th class=\"entity\">", self.page)
        self.assertEqual(self.page.count("<div class=\"scroll\">"), self.page.count("<table class=\"turned\">")
                         + self.page.count("<div class=\"scroll\"><table>"))


class ReportInBrowserTest(FixtureCase):
    """When headless Chromium is installed: the page renders, and nothing is wider than the window."""

    def test_renders_without_horizontal_overflow(self):
        import shutil
        import subprocess
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if not browser:
            self.skipTest("no chromium (apt-get install chromium)")
        page = self.path("r.html")
        self.assertEqual(run_tool("sovcap-report", self.run_h5, "-o", page, "-q").returncode, 0)
        probe = self.path("probe.html")  # a copy with a measuring script (the report itself has none)
        with open(page, encoding="utf-8") as fh, open(probe, "w", encoding="utf-8") as out:
            out.write(fh.read().replace("</body>", "<script>document.body.setAttribute('data-width', "
                                        "document.documentElement.scrollWidth)</script></body>"))
        r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                            "--virtual-time-budget=3000", "--dump-dom", f"file://{probe}"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertIn("</html>", r.stdout)
        for name in SITES:
            self.assertIn(name, r.stdout)
        width = re.search(r"data-width=\"(\d+)\"", r.stdout)
        self.assertIsNotNone(width, "the page did not render")
        self.assertLessEqual(int(width.group(1)), 1200)  # no table or picture wider than the window
