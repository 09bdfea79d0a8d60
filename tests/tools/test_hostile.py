"""Every result tool on hostile input (docs/reliability.md, "Hostile input and
faults"): a FIFO, a character device, a symlink loop, a result whose links
point outside it (external link, soft-link loop), series of the wrong length.
Each ends with one line on stderr naming the file and exit 2 (check_schema.py
may instead list the problems, exit 1), never a traceback or a hang, and
leaves no output behind."""
import os
import shutil

import h5py
import numpy as np

from tooltest import FixtureCase, run_tool


class HostileTest(FixtureCase):
    def check(self, bad, says, damaged_data=False):
        self.assertResultToolsRefuse(bad, [says], may_succeed=damaged_data, may_list=damaged_data)

    def copy(self, name):
        path = self.path(name)
        shutil.copy(self.run_h5, path)
        return path

    def test_not_regular_files(self):
        fifo = self.path("fifo.h5")
        os.mkfifo(fifo)
        self.check(fifo, "FIFO")
        loop = self.path("loop.h5")
        os.symlink(self.path("loop2.h5"), loop)
        os.symlink(loop, self.path("loop2.h5"))
        self.check(loop, "symlink loop")
        self.check("/dev/zero", "character device")

    def test_external_link_to_a_fifo(self):
        target = self.path("ext-target")
        os.mkfifo(target)
        bad = self.copy("external.h5")
        with h5py.File(bad, "a") as f:
            del f["summary/sites"]
            f["summary/sites"] = h5py.ExternalLink(target, "/x")
        self.check(bad, "external link")

    def test_soft_link_loop(self):
        bad = self.copy("softloop.h5")
        with h5py.File(bad, "a") as f:
            del f["summary/classes"]
            f["summary/classes"] = h5py.SoftLink("/summary/classes")
        self.check(bad, "soft link")

    def test_series_of_the_wrong_length(self):
        bad = self.copy("short-series.h5")
        with h5py.File(bad, "a") as f:
            site = next(iter(f["timeseries/sites"]))
            g = f[f"timeseries/sites/{site}"]
            units = g["solar_mw"].attrs["units"]
            del g["solar_mw"]
            g.create_dataset("solar_mw", data=np.zeros(7)).attrs["units"] = units
        self.check(bad, "short-series.h5", damaged_data=True)

    def test_plot_into_an_existing_directory_keeps_what_was_there(self):
        out = self.path("kept")
        os.makedirs(out)
        with open(os.path.join(out, "notes.txt"), "w") as fh:
            fh.write("mine\n")
        bad = self.copy("short-series-2.h5")
        with h5py.File(bad, "a") as f:
            site = next(iter(f["timeseries/sites"]))
            g = f[f"timeseries/sites/{site}"]
            del g["it_power_mw"]
            g.create_dataset("it_power_mw", data=np.zeros(3)).attrs["units"] = "MW"
        r = run_tool("sovcap-plot", bad, "-o", out)
        self.assertNotIn("Traceback", r.stderr)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(os.listdir(out), ["notes.txt"])

    def test_sweep_plot_on_a_fifo(self):
        fifo = self.path("summary-fifo.csv")
        os.mkfifo(fifo)
        r = run_tool("sovcap-sweep-plot", fifo, "--x", "a", "--kpi", "b", "-o", self.path("sp"))
        self.assertNotIn("Traceback", r.stderr)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("FIFO", r.stderr)
        self.assertFalse(os.path.exists(self.path("sp")))

    def test_report_never_replaces_a_device_or_its_input(self):
        src = self.copy("report-input.h5")
        with open(src, "rb") as fh:
            before = fh.read()
        for out, says in (("/dev/null", "not a regular file"), (src, "is the input")):
            r = run_tool("sovcap-report", src, "-o", out)
            self.assertNotIn("Traceback", r.stderr)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(says, r.stderr)
        self.assertTrue(os.path.exists("/dev/null") and not os.path.isfile("/dev/null"))
        with open(src, "rb") as fh:
            self.assertEqual(fh.read(), before)
