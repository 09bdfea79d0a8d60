#!/usr/bin/python3
"""Compare the KPIs of two sovcap results bit for bit: every numeric attribute of /summary and
every field of the /summary tables (sites, classes, regions, ...). Prints "same KPIs (N numbers)"
and exits 0, or lists the differences and exits 1.

Usage: same_kpis.py A.h5 B.h5   (e.g. a full run and a `--kpis-only` run of the same scenario and seed)
"""
import struct
import sys

import h5py
import numpy as np


def bits(x):
    return struct.pack("<d", float(x))


def kpis(path):
    out = {}
    with h5py.File(path, "r") as f:
        s = f["summary"]
        for k, v in s.attrs.items():
            a = np.asarray(v)
            if a.dtype.kind in "fiu" and a.size == 1:
                out[k] = float(a.reshape(()))
        for name, ds in s.items():
            if not isinstance(ds, h5py.Dataset) or ds.dtype.names is None:
                continue
            t = ds[()]
            for i, row in enumerate(t):
                for field in ds.dtype.names:
                    v = row[field]
                    if np.asarray(v).dtype.kind in "fiu":
                        out[f"{name}[{i}].{field}"] = float(v)
    return out


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = kpis(sys.argv[1]), kpis(sys.argv[2])
    diff = [k for k in sorted(set(a) | set(b)) if k not in a or k not in b or bits(a[k]) != bits(b[k])]
    if not a:
        print("no KPIs read", file=sys.stderr)
        return 1
    if diff:
        for k in diff[:20]:
            print(f"differs: {k}: {a.get(k)!r} vs {b.get(k)!r}")
        print(f"{len(diff)} of {len(set(a) | set(b))} KPIs differ")
        return 1
    print(f"same KPIs ({len(a)} numbers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
