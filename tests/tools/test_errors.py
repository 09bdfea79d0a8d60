"""Every tool: a missing file, a non-HDF5 file or an HDF5 file that is not sovcap/3 gives one
line on stderr naming the file, exit 2, and nothing written."""
import os

import h5py

from tooltest import RESULT_TOOLS, FixtureCase, run_tool


class ErrorsTest(FixtureCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.text = os.path.join(cls.tmp, "notes.txt")
        with open(cls.text, "w") as fh:
            fh.write("not a result\n")
        cls.plain = os.path.join(cls.tmp, "plain.h5")
        with h5py.File(cls.plain, "w") as f:
            f["x"] = [1.0, 2.0]
        cls.missing = os.path.join(cls.tmp, "missing.h5")

    def check(self, bad, words):
        self.assertResultToolsRefuse(bad, words, alone=True)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["notes.txt", "plain.h5", "run.h5"])

    def test_missing_file(self):
        self.check(self.missing, ["no such file"])

    def test_not_hdf5(self):
        self.check(self.text, ["not an HDF5 file"])

    def test_hdf5_without_schema(self):
        self.check(self.plain, ["not a sovcap result"])

    def test_sweep_plot_missing_and_garbage(self):
        for bad, word in ((self.missing, "no such file"), (self.plain, "no /points"), (self.text, "no param.")):
            r = run_tool("sovcap-sweep-plot", bad, "--x", "a", "--kpi", "b", "-o", self.path("sw"))
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)
            self.assertIn(word, r.stderr)
            self.assertFalse(os.path.exists(self.path("sw")))

    def test_help(self):
        for tool in RESULT_TOOLS + ["sovcap-sweep-plot"]:
            r = run_tool(tool, "--help")
            self.assertEqual(r.returncode, 0)
            self.assertIn("usage:", r.stdout)
