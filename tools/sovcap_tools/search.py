"""A finished (or interrupted and resumed) `sovcap optimize` directory, read for plots and reports:
summary.json (the spec in brief, the reference point, the fidelity comparison), designs.csv (every
design scored), front.csv (the non-dominated feasible designs, with their full-horizon values when
the search screened), hypervolume.csv (per generation) and near_optimal.csv."""
import json
import os

import numpy as np
import pandas as pd

from .errors import ToolError

FILES = ("summary.json", "designs.csv", "front.csv", "hypervolume.csv", "near_optimal.csv")


class Search:
    def __init__(self, directory):
        self.dir = directory
        missing = [f for f in FILES if not os.path.isfile(os.path.join(directory, f))]
        if missing:
            raise ToolError(f"{directory}: not a finished sovcap optimize directory (missing {', '.join(missing)})")
        try:
            with open(os.path.join(directory, "summary.json")) as fh:
                self.summary = json.load(fh)
            self.designs = pd.read_csv(os.path.join(directory, "designs.csv"))
            self.front = pd.read_csv(os.path.join(directory, "front.csv"))
            self.hypervolume = pd.read_csv(os.path.join(directory, "hypervolume.csv"))
            self.near = pd.read_csv(os.path.join(directory, "near_optimal.csv"))
        except (OSError, ValueError, pd.errors.ParserError) as e:
            raise ToolError(f"{directory}: unreadable search output: {e}")
        if self.summary.get("schema") != "sovcap-optimize/1":
            raise ToolError(f"{directory}/summary.json: not a sovcap optimize summary (schema {self.summary.get('schema')!r})")
        self.objectives = [o["kpi"] for o in self.summary["objectives"]]
        self.goals = [o["goal"] for o in self.summary["objectives"]]
        self.variables = [v["key"] for v in self.summary["variables"]]
        self.screened = self.summary.get("fidelity") is not None

    def obj_column(self, k, full=False):
        return ("full.obj." if full else "obj.") + self.objectives[k]

    def feasible(self):
        return self.designs[self.designs["feasible"] == 1]

    def variable_values(self, frame, key):
        """A variable's column as numbers: its value without the unit, or a choice's index."""
        spec = next(v for v in self.summary["variables"] if v["key"] == key)
        col = frame["var." + key].astype(str)
        if spec["kind"] == "choice":
            return col.map({c: i for i, c in enumerate(spec["choices"])}).astype(float)
        unit = spec.get("unit") or ""
        return pd.to_numeric(col.str[: -len(unit)] if unit else col, errors="coerce")


def non_dominated(points, goals):
    """Indices of the non-dominated rows of an (n, m) array, each column min or max."""
    p = np.asarray(points, float) * np.array([1.0 if g == "min" else -1.0 for g in goals])
    keep = []
    for i in range(len(p)):
        dominated = np.any(np.all(p <= p[i], axis=1) & np.any(p < p[i], axis=1))
        if not dominated:
            keep.append(i)
    return keep
