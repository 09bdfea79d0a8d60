#!/usr/bin/python3
"""tools/check_schema.py against the number of links: a fixture result with N
extra links (three series each, attached to time_s) at N = 250, 500, 1000;
wall time of the check per N. Linear: t(1000) / t(250) about 4 (target < 6;
H5DSis_attached made it quadratic, 27 s at 200 links).

Usage: tools/bench/check_schema_links.py [N...]
"""
import os
import subprocess
import sys
import tempfile
import time

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
from make_fixture import make_fixture  # noqa: E402


def with_links(path, n):
    make_fixture(path, days=1.0)
    with h5py.File(path, "a") as f:
        ts = f["timeseries/time_s"]
        for i in range(n):
            g = f.create_group(f"timeseries/links/extra-{i}")
            for m, u in (("utilization", "1"), ("throughput_gbps", "Gbps"), ("up", "1")):
                d = g.create_dataset(m, data=np.zeros(len(ts)) + (1.0 if m == "up" else 0.0))
                d.attrs["units"] = u
                d.dims[0].attach_scale(ts)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [250, 500, 1000]
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = os.path.join(tmp, f"links-{n}.h5")
            with_links(path, n)
            t0 = time.perf_counter()
            subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tools", "check_schema.py"), path],
                           capture_output=True, text=True)
            times[n] = time.perf_counter() - t0
            print(f"check_schema.py, {n} extra links: {times[n]:.2f} s ({1000 * times[n] / n:.2f} ms per link)")
    if len(sizes) > 1:
        lo, hi = min(sizes), max(sizes)
        ratio = times[hi] / times[lo]
        verdict = "PASS" if ratio < 1.5 * hi / lo else "FAIL"
        print(f"t({hi}) / t({lo}) = {ratio:.2f} (linear: {hi / lo:.1f}; target < {1.5 * hi / lo:.1f}) {verdict}")


if __name__ == "__main__":
    main()
