"""sovcap-report: one valid, self-contained HTML page with the KPI tables, naming every site."""
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
        for site in SITES:  # a table cell of /summary/sites, not only the title
            self.assertRegex(self.page, rf"<td class=\"txt\">{site}</td>")

    def test_kpis_from_the_file(self):
        with h5py.File(self.run_h5, "r") as f:
            submitted = int(f["summary"].attrs["jobs_submitted"])
            scenario = f.attrs["scenario"]
        self.assertIn("jobs_submitted", self.text)
        self.assertRegex(self.page, rf"<th>jobs_submitted</th><td class=\"num\">{submitted:,}</td>")
        self.assertIn(scenario, self.text)

    def test_images_are_inline_pngs(self):
        self.assertEqual(len(self.parser.images), 4 * len(SITES) + 4)
        for src in self.parser.images:
            self.assertTrue(src.startswith("data:image/png;base64,"), src[:40])
            data = base64.b64decode(src.split(",", 1)[1])
            path = os.path.join(self.tmp, "img.png")
            with open(path, "wb") as fh:
                fh.write(data)
            width, height = png_size(path)
            self.assertGreater(width * height, 0)
        self.assertIsNone(re.search(r"src=\"(?!data:)", self.page))  # nothing fetched from outside
