#!/usr/bin/python3
"""Write the shared pool-model job stream as a sovcap CSV trace.

Poisson arrivals (mean gap 30 s), 1-64 servers, run times 10 min-4 h
(uniform), the stream every baseline and sovcap read, so they simulate the
same jobs. numpy's seeded generator: the file, not the generator, is shared.
"""
import argparse
import numpy as np

p = argparse.ArgumentParser(description=__doc__)
p.add_argument("--jobs", type=int, default=100000)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--mean-gap-s", type=float, default=30.0)
p.add_argument("--class-id", default="pool")
p.add_argument("--region", default="r0")
p.add_argument("-o", "--output", required=True)
a = p.parse_args()

rng = np.random.default_rng(a.seed)
submit = np.cumsum(rng.exponential(a.mean_gap_s, a.jobs))
units = rng.integers(1, 65, a.jobs)
runtime = rng.uniform(600.0, 4 * 3600.0, a.jobs)
with open(a.output, "w") as f:
    f.write("submit_s,class,region,units,runtime_s\n")
    for s, u, r in zip(submit, units, runtime):
        f.write(f"{s:.6f},{a.class_id},{a.region},{u},{r:.6f}\n")
