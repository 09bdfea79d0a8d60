#!/usr/bin/python3
"""The tools' tests' result: a small real run of the sovcap binary on tests/tools/fixture.yaml.

2 sites, 3 regions, 4 links, 3 job classes, about 3 days at 15 min, a few hundred jobs. The binary is
$SOVCAP_BINARY, else $SOVCAP_BUILD_DIR/sovcap, else build/sovcap in the repository.
Usage: make_fixture.py OUT.h5 [--days N] [--seed N] [--broken-balance]
"""
import argparse
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
CONFIG = os.path.join(HERE, "fixture.yaml")

SITES = ["benguerir", "dakhla"]
LINKS = [("rabat-benguerir", "rabat", "benguerir"), ("benguerir-dakhla", "benguerir", "dakhla"),
         ("guelmim-benguerir", "guelmim", "benguerir"), ("nador-rabat", "nador", "rabat")]
CLASSES = ["training", "inference", "batch"]
REGIONS = ["rabat", "guelmim", "nador"]


def sovcap_binary():
    for path in (os.environ.get("SOVCAP_BINARY"),
                 os.path.join(os.environ["SOVCAP_BUILD_DIR"], "sovcap") if os.environ.get("SOVCAP_BUILD_DIR") else None,
                 os.path.join(REPO, "build", "sovcap")):
        if path and os.access(path, os.X_OK):
            return path
    raise RuntimeError("no sovcap binary: build it (tools/build) or set SOVCAP_BINARY")


def make_fixture(path, days=3.0, step_s=900.0, seed=7, broken_balance=False, **_ignored):
    """Run the binary; broken_balance adds 1 MW to benguerir's grid import at sample 10 (a file whose balance fails)."""
    cmd = [sovcap_binary(), "run", CONFIG, "-q", "-o", str(path), "--seed", str(seed),
           "--duration", f"{days * 86400:.0f}s", "--set", f"scenario.step={step_s:.0f}s"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr}")
    if broken_balance:
        import h5py

        with h5py.File(path, "r+") as f:
            ds = f["/timeseries/sites/benguerir/grid_import_mw"]
            ds[10] = ds[10] + 1.0
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--days", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--broken-balance", action="store_true")
    a = ap.parse_args()
    make_fixture(a.out, days=a.days, seed=a.seed, broken_balance=a.broken_balance)


if __name__ == "__main__":
    main()
