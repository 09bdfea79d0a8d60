"""tools/sovcap-pareto on a real small search (sovcap optimize on tests/data/optimize/report.yaml,
screened on 12 h, the front re-evaluated on the day): the pictures, the HTML report's front table
and fidelity section, the front recomputed from designs.csv, and a directory that is not a search."""
import os
import subprocess
import unittest

import pandas as pd

from tooltest import REPO, TempDirCase, png_size, run_tool
from sovcap_tools.search import non_dominated

BUILD = os.environ.get("SOVCAP_BUILD_DIR", "")


class NonDominatedTest(unittest.TestCase):
    def test_min_and_max_columns(self):
        pts = [[1, 5], [2, 6], [3, 9], [2, 5], [1, 4]]
        # Minimise the first, maximise the second: (1,5) is beaten by nothing... (2,6) and (3,9) trade off with it;
        # (2,5) is dominated by (1,5); (1,4) by (1,5).
        self.assertEqual(non_dominated(pts, ["min", "max"]), [0, 1, 2])
        self.assertEqual(non_dominated([[1, 1], [1, 1]], ["min", "min"]), [0, 1])  # ties both stay


@unittest.skipUnless(BUILD and os.access(os.path.join(BUILD, "sovcap"), os.X_OK), "SOVCAP_BUILD_DIR has no sovcap")
class ParetoReportTest(TempDirCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.search = os.path.join(cls.tmp, "search")
        r = subprocess.run([os.path.join(BUILD, "sovcap"), "optimize", os.path.join(REPO, "tests", "data", "optimize", "report.yaml"),
                            "-j", "2", "-q", "-o", cls.search], capture_output=True, text=True, timeout=900)
        if r.returncode != 0:
            raise AssertionError(r.stdout + r.stderr)
        cls.result = run_tool("sovcap-pareto", cls.search)

    def test_pictures_and_report(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        out = os.path.join(self.search, "report")
        for name in ("front.png", "hypervolume.png", "parallel.png"):
            w, h = png_size(os.path.join(out, name))
            self.assertGreater(w * h, 100_000, name)
        with open(os.path.join(out, "report.html")) as fh:
            page = fh.read()
        front = pd.read_csv(os.path.join(self.search, "front.csv"))
        self.assertGreater(len(front), 0)
        for d in front["design"]:
            self.assertIn(f"<td>{d}</td>", page)
        self.assertIn("Screening vs full horizon", page)
        self.assertIn("full.obj.carbon_t", page)
        self.assertEqual(page.count("data:image/png;base64,"), 3)
        # Objectives by the registry's label and unit, the KPI name beside it for the spec's author.
        self.assertIn("<li>carbon (t) (<code>carbon_t</code>): min", page)
        self.assertIn("<li>wait, mean (s) (<code>wait_mean_s</code>): min", page)

    def test_front_agrees_with_the_designs(self):
        designs = pd.read_csv(os.path.join(self.search, "designs.csv"))
        feas = designs[designs["feasible"] == 1]
        ids = sorted(feas.iloc[non_dominated(feas[["obj.carbon_t", "obj.wait_mean_s"]].values, ["min", "min"])]["design"])
        front = pd.read_csv(os.path.join(self.search, "front.csv"))
        self.assertEqual(ids, sorted(front["design"]))
        self.assertIn(f"front: {len(front)} designs (designs.csv's feasible designs give {len(ids)} non-dominated)",
                      self.result.stdout)
        # Every front design was re-evaluated on the day: the full values are there.
        self.assertFalse(front["full.obj.carbon_t"].isna().any())

    def test_not_a_search_exits_2_and_writes_nothing(self):
        empty = os.path.join(self.tmp, "empty")
        os.makedirs(empty)
        r = run_tool("sovcap-pareto", empty)
        self.assertEqual(r.returncode, 2)
        self.assertIn("not a finished sovcap optimize directory", r.stderr)
        self.assertEqual(os.listdir(empty), [])


if __name__ == "__main__":
    unittest.main()
