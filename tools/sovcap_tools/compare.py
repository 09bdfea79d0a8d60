"""KPIs of several runs side by side, and their main series overlaid."""
import math
import os

import numpy as np
import pandas as pd

from . import plots, registry, style
from .errors import output_dir

OVERLAY = [("facility_power_mw", "facility power (MW)"), ("grid_import_mw", "grid import (MW)"),
           ("queued_jobs", "queued jobs")]


def labels(results):
    """Short names for the runs: file stems, or paths where the stems collide."""
    stems = [r.label for r in results]
    if len(set(stems)) == len(stems):
        return stems
    return [r.path for r in results]


def is_number(v):
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def kpi_rows(result):
    """{kpi name: (value, unit)}: whole-scenario KPIs, then site.<site>.<column>."""
    rows = {}
    if "/summary" in result.f:
        units = result.kpi_units()
        for k, v in result.kpis().items():
            if is_number(v):
                rows[k] = (float(v), units.get(k, ""))
    if "/summary/sites" in result.f:
        frame = result.table("/summary/sites")
        units = result.table_units("/summary/sites")
        key = frame.columns[0]
        for rec in frame.to_dict("records"):
            for c, v in rec.items():
                if c != key and is_number(v):
                    rows[f"site.{rec[key]}.{c}"] = (float(v), units.get(c, ""))
    return rows


def kpi_table(results):
    """A DataFrame: kpi, unit, one column per run, then delta and % change of each run against the first."""
    names = labels(results)
    per_run = [kpi_rows(r) for r in results]
    order = []
    for rows in per_run:
        order += [k for k in rows if k not in order]
    table = pd.DataFrame({"kpi": order})
    table["unit"] = [next((rows[k][1] for rows in per_run if k in rows), "") for k in order]
    for name, rows in zip(names, per_run):
        table[name] = [rows[k][0] if k in rows else math.nan for k in order]
    base = table[names[0]]
    for name in names[1:]:
        table[f"delta {name}"] = table[name] - base
        with np.errstate(divide="ignore", invalid="ignore"):
            table[f"% {name}"] = np.where(base != 0, 100.0 * (table[name] - base) / base.abs(), math.nan)
    return table


def declaration(name):
    """(section, figure) of a row of kpi_table: the whole run's KPI or a site's column, as the registry
    declares it (a bare declaration for a figure it does not know)."""
    if name.startswith("site."):
        site, _, column = name[len("site."):].rpartition(".")
        section, f = f"site {site}", registry.figure("sites", column)
    else:
        section, column, f = "whole run", name, registry.figure("kpi", name)
    return section, f or {"name": column, "label": column, "unit": "", "format": "fixed3", "group": "other"}


def zero(text):
    return not any(c in "123456789" for c in text)


def shown(f, v, signed=False):
    if isinstance(v, float) and math.isnan(v):
        return "-"
    text = registry.format_value(f, v).replace("—", "-")
    return "+" + text if signed and v > 0 and not zero(text) else text


def percent_change(v):
    if math.isnan(v):
        return "-"
    text = f"{v:+.1f}"
    return text[1:] if zero(text) else text  # 0.0, not -0.0 or +0.0


def text_table(table):
    """kpi_table for a reader: sections (the whole run, then each site), figures grouped by meaning under
    their registry labels, values in the registry's formats (fractions as percent, waits as durations);
    the change against the first run in the same unit, then in percent. The CSV keeps names and SI values."""
    runs = [c for c in table.columns[2:] if not c.startswith(("delta ", "% "))]
    others = runs[1:]
    header = ["figure", "unit", *runs, *(f"change {r}" for r in others), *(f"% {r}" for r in others)]
    sections = {}
    for rec in table.to_dict("records"):
        section, f = declaration(rec["kpi"])
        sections.setdefault(section, []).append((f, rec))
    rows = []
    order = registry.groups() + ["other"]
    for section, items in sections.items():
        rows.append([section])
        for group in order:
            members = [(f, rec) for f, rec in items if f["group"] == group]
            if not members:
                continue
            declared = [x["name"] for x in registry.figures("kpi" if section == "whole run" else "sites")]
            members.sort(key=lambda m: declared.index(m[0]["name"]) if m[0]["name"] in declared else len(declared))
            rows.append(["  " + ("run" if group == "identity" else group)])
            for f, rec in members:
                unit = registry.shown_unit(f) if f["group"] != "other" else rec["unit"]
                cells = ["    " + f["label"], unit or ""]
                cells += [shown(f, rec[r]) for r in runs]
                cells += [shown(f, rec[f"delta {r}"], signed=True) for r in others]
                cells += [percent_change(rec[f"% {r}"]) for r in others]
                rows.append(cells)
    widths = [max(len(r[i]) for r in [header] + rows if len(r) > i and len(r) > 1) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(header, widths))),
             "  ".join("-" * w for w in widths)]
    for r in rows:
        if len(r) == 1:  # a section's or group's heading
            lines.append(r[0])
        else:
            lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return "\n".join(line.rstrip() for line in lines)


def overlay_figure(results, site):
    """Facility power, grid import and queue length of one site, every run overlaid (days since start)."""
    fig = style.new_figure(style.SIZE_WIDE)
    axes = fig.subplots(len(OVERLAY), 1, sharex=True)
    longest = max(r.time_s[-1] if len(r.time_s) else 0.0 for r in results)
    rule, what = plots.resample_rule(longest)
    bin_s = pd.Timedelta(rule).total_seconds()
    for name, r in zip(labels(results), results):
        if site not in r.sites:
            continue
        t = r.time_s
        for ax, (metric, _) in zip(axes, OVERLAY):
            v = r.series(site, metric, required=False)
            if v is None or not len(v):
                continue
            s = pd.Series(v, index=np.floor(t / bin_s) * bin_s).groupby(level=0).mean()
            ax.plot(s.index / 86400.0, s.to_numpy(), lw=1.1, label=name)
    for ax, (_, title) in zip(axes, OVERLAY):
        ax.set_ylabel(title)
        ax.legend(frameon=False, loc="upper left", ncol=4)
    axes[0].set_title(f"{site}: runs compared ({what})")
    axes[-1].set_xlabel("days since start")
    fig.tight_layout()
    return fig


def write_outputs(results, out_dir):
    table = kpi_table(results)
    with output_dir(out_dir):
        csv = os.path.join(out_dir, "kpis.csv")
        table.to_csv(csv + ".tmp", index=False)
        os.replace(csv + ".tmp", csv)
        written = [csv]
        sites = []
        for r in results:
            sites += [s for s in r.sites if s not in sites]
        for site in sites:
            written.append(style.save_png(overlay_figure(results, site),
                                          os.path.join(out_dir, f"compare_{style.safe_name(site)}.png")))
    return table, written
