"""Reading a sweep summary (one row per point: point, seed, status, param.<key.path>..., KPIs...)
and drawing a KPI against parameters, and the Pareto front of two KPIs."""
import os

import numpy as np
import pandas as pd

from . import registry, style
from .errors import ToolError, progress
from .result import check_regular_file, compound_frame, is_hdf5, open_hdf5

PARAM_PREFIX = "param."
META = ("point", "seed", "status")
FAILED = {"failed", "error", "timeout", "crashed", "killed", "skipped"}
# KPIs where more is better; everything else (waits, energy, carbon, costs) is minimised by default.
MAXIMISED_WORDS = ("renewable", "utilization", "utilisation", "completed", "throughput", "fraction_served")


def load(path):
    """A sweep summary as a DataFrame: CSV, or HDF5 with a /points compound table of the same columns."""
    check_regular_file(path, "a sweep summary")
    if path.lower().endswith((".h5", ".hdf5")) or is_hdf5(path):
        with open_hdf5(path, "a sweep summary") as f:
            if "points" not in f or not f["points"].dtype.names:
                raise ToolError(f"{path}: not a sweep summary (no /points table)")
            frame = compound_frame(f["points"])
    else:
        try:
            frame = pd.read_csv(path)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
            raise ToolError(f"{path}: not a readable CSV sweep summary ({str(e).splitlines()[0]})")
    if not any(c.startswith(PARAM_PREFIX) for c in frame.columns):
        raise ToolError(f"{path}: not a sweep summary (no param.<key> column)")
    return frame


def kpi_figure(name):
    """The registry's declaration of a KPI column (a per-site one is site.column), or None."""
    site, _, column = name.rpartition(".")
    try:
        return registry.figure("sites" if site else "kpi", column)
    except ToolError:
        return None


def kpi_label(name):
    """A KPI column as a reader reads it: the registry's label and unit ("wait, 95th percentile (s)";
    a per-site one "dakhla: renewable share (%)"); the bare name when the registry does not know it."""
    f = kpi_figure(name)
    if f is None:
        return name
    unit = "s" if f["format"] == "duration" else registry.shown_unit(f)  # an axis of durations counts seconds
    text = f"{f['label']} ({unit})" if unit else f["label"]
    site = name.rpartition(".")[0]
    return f"{site}: {text}" if site else text


def kpi_scale(name):
    """What a KPI's values are multiplied by on a plot: 100 for a fraction shown as percent, else 1."""
    f = kpi_figure(name)
    return 100.0 if f is not None and f["format"] == "percent" else 1.0


def params(frame):
    return [c for c in frame.columns if c.startswith(PARAM_PREFIX)]


def kpis(frame):
    return [c for c in frame.columns if c not in META and not c.startswith(PARAM_PREFIX)]


def resolve_param(frame, name, path):
    for candidate in (name, PARAM_PREFIX + name):
        if candidate in frame.columns and candidate.startswith(PARAM_PREFIX):
            return candidate
    raise ToolError(f"{path}: no parameter '{name}' (have: {', '.join(c[len(PARAM_PREFIX):] for c in params(frame))})")


def resolve_kpi(frame, name, path):
    if name in kpis(frame):
        return name
    raise ToolError(f"{path}: no KPI '{name}' (have: {', '.join(kpis(frame))})")


def default_sense(kpi):
    return "max" if any(w in kpi.lower() for w in MAXIMISED_WORDS) else "min"


def usable(frame, kpi_columns, verbose=True):
    """Rows that did not fail and have finite KPIs; the rest are counted on stderr."""
    keep = pd.Series(True, index=frame.index)
    if "status" in frame:
        keep &= ~frame["status"].astype(str).str.strip().str.lower().isin(FAILED)
    for k in kpi_columns:
        keep &= np.isfinite(pd.to_numeric(frame[k], errors="coerce"))
    dropped = int((~keep).sum())
    if dropped and verbose:
        progress(f"left out {dropped} of {len(frame)} rows (failed status or missing KPI)")
    out = frame[keep].copy()
    for k in kpi_columns:
        out[k] = pd.to_numeric(out[k], errors="coerce")
    return out


def short(param):
    return param[len(PARAM_PREFIX):] if param.startswith(PARAM_PREFIX) else param


def numeric(series):
    values = pd.to_numeric(series, errors="coerce")
    return values if values.notna().all() else None


def positions(values):
    """Numeric values stay themselves; text values become 0, 1, 2... with their labels."""
    num = numeric(values)
    if num is not None:
        return num.to_numpy(dtype=float), None
    cats = sorted(values.astype(str).unique())
    index = {c: i for i, c in enumerate(cats)}
    return values.astype(str).map(index).to_numpy(dtype=float), cats


def kpi_vs_param(frame, x, kpi):
    """Mean over replications (line), one standard deviation (bars), min-max (band), runs (dots).
    Other parameters that vary give one line each (up to 8; beyond that they are pooled)."""
    fig = style.new_figure(style.SIZE_PANEL)
    ax = fig.add_subplot()
    others = [p for p in params(frame) if p != x and frame[p].nunique() > 1]
    by = others[0] if len(others) == 1 else others
    groups = frame.groupby(by, dropna=False) if others and frame.groupby(by).ngroups <= 8 else [(None, frame)]
    cats = None
    for i, (key, group) in enumerate(groups):
        pos, cats_here = positions(group[x])
        cats = cats or cats_here
        g = pd.DataFrame({"x": pos, "y": group[kpi].to_numpy(dtype=float) * kpi_scale(kpi)})
        stats = g.groupby("x")["y"].agg(["mean", "std", "min", "max", "count"]).sort_index()
        colour = f"C{i}"
        if key is None:
            label = "mean over replications"
        else:
            key = key if isinstance(key, tuple) else (key,)
            label = ", ".join(f"{short(p)}={v}" for p, v in zip(others, key))
        ax.scatter(g["x"], g["y"], s=8, color=colour, alpha=0.35, linewidths=0)
        ax.fill_between(stats.index, stats["min"], stats["max"], color=colour, alpha=0.12)
        ax.errorbar(stats.index, stats["mean"], yerr=stats["std"].fillna(0), color=colour, marker="o", ms=4,
                    capsize=3, lw=1.3, label=label)
    if cats:
        ax.set_xticks(range(len(cats)))
        ax.set_xticklabels(cats, rotation=30, ha="right")
    ax.set_xlabel(short(x))
    ax.set_ylabel(kpi_label(kpi))
    ax.set_title(f"{kpi_label(kpi)} against {short(x)} (mean ± 1 sd; band: min-max over replications)")
    ax.legend(frameon=False, fontsize=7)
    fig.tight_layout()
    return fig


def heatmap(frame, x, y, kpi):
    """The mean KPI over a grid of two parameters."""
    table = frame.groupby([y, x])[kpi].mean().unstack(x) * kpi_scale(kpi)
    table = table.sort_index().sort_index(axis=1)
    fig = style.new_figure(style.SIZE_PANEL)
    ax = fig.add_subplot()
    image = ax.imshow(table.to_numpy(dtype=float), origin="lower", aspect="auto", cmap="viridis",
                      interpolation="nearest")
    ax.set_xticks(range(len(table.columns)))
    ax.set_xticklabels([f"{v:g}" if isinstance(v, (int, float, np.number)) else str(v) for v in table.columns],
                       rotation=30, ha="right")
    ax.set_yticks(range(len(table.index)))
    ax.set_yticklabels([f"{v:g}" if isinstance(v, (int, float, np.number)) else str(v) for v in table.index])
    ax.grid(False)
    if table.size <= 225:
        values = table.to_numpy(dtype=float)
        mid = np.nanmean(values) if np.any(np.isfinite(values)) else 0
        for (r, c), v in np.ndenumerate(values):
            if np.isfinite(v):
                ax.text(c, r, f"{v:.3g}", ha="center", va="center", fontsize=7,
                        color="white" if v < mid else "black")
    ax.set_xlabel(short(x))
    ax.set_ylabel(short(y))
    ax.set_title(f"mean {kpi_label(kpi)} over {short(x)} and {short(y)}")
    fig.colorbar(image, ax=ax, label=kpi_label(kpi))
    fig.tight_layout()
    return fig


def pareto_mask(a, b, sense_a, sense_b):
    """True where no other point is at least as good on both KPIs and better on one."""
    sa = np.asarray(a, float) * (1 if sense_a == "min" else -1)
    sb = np.asarray(b, float) * (1 if sense_b == "min" else -1)
    n = len(sa)
    mask = np.ones(n, dtype=bool)
    for i in range(n):
        dominated = (sa <= sa[i]) & (sb <= sb[i]) & ((sa < sa[i]) | (sb < sb[i]))
        mask[i] = not dominated.any()
    return mask


def point_means(frame, kpi_columns):
    """One row per sweep point: parameters and the KPIs' means over its replications."""
    keys = ["point"] if "point" in frame else params(frame)
    agg = frame.groupby(keys, dropna=False).agg({**{k: "mean" for k in kpi_columns},
                                                  **{p: "first" for p in params(frame) if p not in keys}})
    return agg.reset_index()


def pareto(frame, kpi, kpi2, sense, sense2):
    points = point_means(frame, [kpi, kpi2])
    mask = pareto_mask(points[kpi], points[kpi2], sense, sense2)
    front = points[mask].sort_values(kpi)
    fig = style.new_figure(style.SIZE_PANEL)
    ax = fig.add_subplot()
    sa, sb = kpi_scale(kpi), kpi_scale(kpi2)  # the front's table keeps the file's values; the picture shows %
    ax.scatter(points[kpi] * sa, points[kpi2] * sb, s=14, color="#9e9e9e", label="points (mean over seeds)")
    ax.step(front[kpi] * sa, front[kpi2] * sb, where="post" if (sense == sense2) else "pre", color="#c0392b", lw=1.2)
    ax.scatter(front[kpi] * sa, front[kpi2] * sb, s=30, color="#c0392b", zorder=3,
               label=f"Pareto front ({len(front)})")
    if "point" in front and len(front) <= 20:
        for p, va, vb in zip(front["point"], front[kpi] * sa, front[kpi2] * sb):
            ax.annotate(str(p), (va, vb), xytext=(3, 3), textcoords="offset points", fontsize=7)
    ax.set_xlabel(f"{kpi_label(kpi)}, {'lower' if sense == 'min' else 'higher'} is better")
    ax.set_ylabel(f"{kpi_label(kpi2)}, {'lower' if sense2 == 'min' else 'higher'} is better")
    ax.set_title(f"Pareto front of {kpi_label(kpi)} and {kpi_label(kpi2)}")
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig, front
