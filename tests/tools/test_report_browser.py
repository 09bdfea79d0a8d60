"""sovcap-report in headless Chromium (ctest tools.report_browser, label browser): the page renders, nothing
is wider than the window or its box at 800 and 1200 px (a table scrolling sideways inside its box runs off a
printed page too), and it prints to PDF. Exits 77 (reported by ctest as skipped, not passed) without
chromium; tools/setup installs it."""
import os
import re
import shutil
import subprocess
import sys
import unittest

import pandas as pd

from tooltest import SITES, FixtureCase, run_tool

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
SKIP = 77

# Appended to a copy of the page (the report itself carries no script): records the document's width and
# every box whose content is wider than the box.
PROBE = """<script>
var wide = [];
document.querySelectorAll('.scroll, table, img, figure, p, nav').forEach(function (e) {
  if (e.scrollWidth > e.clientWidth + 1) {
    var c = e.querySelector('caption');
    wide.push(e.tagName + (c ? ' ' + c.textContent : '') + ' ' + e.scrollWidth + '>' + e.clientWidth);
  }
});
document.body.setAttribute('data-width', document.documentElement.scrollWidth);
document.body.setAttribute('data-wide', wide.join('; '));
</script></body>"""


def chromium(tmp, *args):
    cmd = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
           f"--user-data-dir={os.path.join(tmp, 'chromium-profile')}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


class ReportInBrowserTest(FixtureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.page = cls.path("report.html")
        r = run_tool("sovcap-report", cls.run_h5, "-o", cls.page, "-q")
        assert r.returncode == 0, r.stderr

    def measure(self, page, width):
        """(document width, [boxes wider than themselves]) of `page` in a window `width` px wide."""
        probe = self.path(f"probe-{width}.html")
        with open(page, encoding="utf-8") as fh, open(probe, "w", encoding="utf-8") as out:
            out.write(fh.read().replace("</body>", PROBE))
        r = chromium(self.tmp, f"--window-size={width},900", "--virtual-time-budget=3000", "--dump-dom",
                     f"file://{probe}")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertIn("</html>", r.stdout)
        for name in SITES:
            self.assertIn(name, r.stdout)
        found = re.search(r"data-width=\"(\d+)\"", r.stdout)
        self.assertIsNotNone(found, "the page did not render")
        wide = re.search(r"data-wide=\"([^\"]*)\"", r.stdout).group(1)
        return int(found.group(1)), [w for w in wide.split("; ") if w]

    def test_fits_a_window(self):
        for width in (800, 1200):
            page_width, wide = self.measure(self.page, width)
            self.assertLessEqual(page_width, width, f"at {width} px")
            self.assertEqual(wide, [], f"boxes wider than themselves at {width} px")

    def test_a_year_of_twelve_regions_fits(self):
        """The default year's widest tables: twelve regions with long names, classes with ten-digit
        numbers; drawn by the report's own table code and style at 800 px."""
        from sovcap_tools import report
        names = ["tanger-tetouan-al-hoceima", "oriental", "fes-meknes", "rabat-sale-kenitra", "beni-mellal-khenifra",
                 "casablanca-settat", "marrakech-safi", "draa-tafilalet", "souss-massa", "guelmim-oued-noun",
                 "laayoune-sakia-el-hamra", "dakhla-oued-ed-dahab"]
        regions = pd.DataFrame({"region": names, "jobs_submitted": [90798] * 12, "wait_mean_s": [807.1] * 12,
                                "wait_p99_s": [22114.6] * 12, "data_gb": [38619188.0] * 12,
                                "input_gb": [31900180.0] * 12, "latency_misses": [16927] * 12})
        classes = pd.DataFrame({"class": ["large_training", "fine_tuning", "inference", "public_service",
                                          "batch_analytics"],
                                "energy_kwh": [2351039292.4] * 5, "gpu_hours": [1962329624.9] * 5,
                                "wait_p99_s": [45253.5] * 5, "mean_slowdown": [1.05] * 5})
        page = self.path("tables.html")
        with open(page, "w", encoding="utf-8") as fh:
            fh.write(f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>{report.CSS}</style></head><body>"
                     + report.entity_tables(regions, "regions", {}, "per region")
                     + report.entity_tables(classes, "classes", {}, "per job class")
                     + "<p>tanger-tetouan-al-hoceima</p><p>benguerir dakhla</p></body></html>")
        page_width, wide = self.measure(page, 800)
        self.assertLessEqual(page_width, 800)
        self.assertEqual(wide, [])

    def test_prints_to_pdf(self):
        pdf = self.path("report.pdf")
        r = chromium(self.tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", f"file://{self.page}")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        with open(pdf, "rb") as fh:
            data = fh.read()
        self.assertTrue(data.startswith(b"%PDF"))
        self.assertGreater(len(re.findall(rb"/Type\s*/Page[^s]", data)), 3, "a report of several pages")


if __name__ == "__main__":
    if not BROWSER:
        print("skipped: no chromium (tools/setup installs it: apt-get install chromium)")
        sys.exit(SKIP)
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
